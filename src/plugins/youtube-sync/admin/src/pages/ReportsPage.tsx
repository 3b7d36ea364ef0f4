import * as React from 'react';
import { Alert, Box, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Card, errorMessage } from '../../../../../shared/admin';
import { ChartImage } from '../components/reports/ChartImage';
import { DistrictMap } from '../components/reports/DistrictMap';
import { ExportPanel } from '../components/reports/ExportPanel';
import { KeyFigures } from '../components/reports/KeyFigures';
import { ReferralSources } from '../components/reports/ReferralSources';
import { isoDay, ReportFilters } from '../components/reports/ReportFilters';
import { useReportsApi, type ReportOptions, type ReportQuery, type ReportSummary } from '../components/reports/reports-api';
import { useT } from '../translate';

/** The action the server checks on every report route (server/src/permissions.ts). */
const REPORTS = [{ action: 'plugin::youtube-sync.reports', subject: null }];
/** Filter changes settle for this long before the preview is recomputed (typing a date fires several changes). */
const SETTLE_MS = 400;

const thisYear = (): ReportQuery => {
  const today = new Date();
  return { from: `${today.getFullYear()}-01-01`, to: isoDay(today) };
};

function useSettled<T>(value: T, ms: number) {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Preview({ query }: { query: ReportQuery }) {
  const t = useT();
  const api = useReportsApi();
  const [summary, setSummary] = React.useState<ReportSummary>();
  const [error, setError] = React.useState<string>();
  React.useEffect(() => {
    let alive = true;
    setError(undefined);
    api
      .summary(query)
      .then((s) => alive && setSummary(s))
      .catch((failure) => alive && setError(errorMessage(failure)));
    return () => {
      alive = false;
    };
  }, [api, query]);

  if (error) {
    return (
      <Alert variant="danger" closeLabel="" title={t('reports.preview.title')}>
        {t('reports.preview.error', { message: error })}
      </Alert>
    );
  }
  if (!summary) {
    return (
      <Flex gap={2}>
        <Loader small />
        <Typography textColor="neutral600">{t('reports.preview.loading')}</Typography>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <KeyFigures summary={summary} />
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('reports.map.title')}>
            <DistrictMap api={api} query={query} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('reports.chart.districts')}>
            <ChartImage api={api} name="districts" query={query} width={460} alt={t('reports.chart.districts')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('reports.chart.themes')}>
            <ChartImage api={api} name="themes" query={query} width={460} alt={t('reports.chart.themes')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('reports.chart.months')}>
            <ChartImage api={api} name="months" query={query} width={460} alt={t('reports.chart.months')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('reports.sources.title')}>
            <ReferralSources sources={summary.submissions.byReferralSource} />
          </Card>
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
}

function Reports() {
  const t = useT();
  const api = useReportsApi();
  const [options, setOptions] = React.useState<ReportOptions>();
  const [failed, setFailed] = React.useState(false);
  const [query, setQuery] = React.useState<ReportQuery>(thisYear);
  const settled = useSettled(query, SETTLE_MS);
  const valid = settled.from <= settled.to;

  React.useEffect(() => {
    api.options().then(setOptions, () => setFailed(true));
  }, [api]);

  if (failed) return <Page.Error />;
  if (!options) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('reports.title')}</Page.Title>
      <Layouts.Header title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Card title={t('reports.filters.title')}>
            <ReportFilters query={query} options={options} onChange={setQuery} />
          </Card>
          <Card title={t('reports.downloads.title')}>
            <ExportPanel api={api} query={settled} disabled={!valid} />
          </Card>
          {valid && (
            <Card title={t('reports.preview.title')}>
              <Preview query={settled} />
            </Card>
          )}
          <Box paddingBottom={4} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/** "Berichte": figures, map and charts of a period, and the downloads for partners and the state government. */
export default function ReportsPage() {
  return (
    <Page.Protect permissions={REPORTS}>
      <Reports />
    </Page.Protect>
  );
}
