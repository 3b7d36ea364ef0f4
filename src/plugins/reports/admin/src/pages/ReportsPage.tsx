import * as React from 'react';
import { Alert, Box, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { ACTIONS, Card, errorMessage, permission } from '../../../../../shared/admin';
import { ChartImage } from '../components/ChartImage';
import { DistrictMap } from '../components/DistrictMap';
import { ExportPanel } from '../components/ExportPanel';
import { KeyFigures } from '../components/KeyFigures';
import { ReferralSources } from '../components/ReferralSources';
import { isoDay, ReportFilters } from '../components/ReportFilters';
import { useReportsApi, type ReportOptions, type ReportQuery, type ReportSummary } from '../api';
import { useT } from '../translate';

/** The action the server checks on every report route (server/src/permissions.ts). */
const REPORTS = [permission(ACTIONS.reports)];
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
      <Alert variant="danger" closeLabel="" title={t('preview.title')}>
        {t('preview.error', { message: error })}
      </Alert>
    );
  }
  if (!summary) {
    return (
      <Flex gap={2}>
        <Loader small />
        <Typography textColor="neutral600">{t('preview.loading')}</Typography>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <KeyFigures summary={summary} />
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('map.title')}>
            <DistrictMap api={api} query={query} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('chart.districts')}>
            <ChartImage api={api} name="districts" query={query} width={460} alt={t('chart.districts')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('chart.themes')}>
            <ChartImage api={api} name="themes" query={query} width={460} alt={t('chart.themes')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('chart.months')}>
            <ChartImage api={api} name="months" query={query} width={460} alt={t('chart.months')} />
          </Card>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Card title={t('sources.title')}>
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
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header title={t('title')} subtitle={t('subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Card title={t('filters.title')}>
            <ReportFilters query={query} options={options} onChange={setQuery} />
          </Card>
          <Card title={t('downloads.title')}>
            <ExportPanel api={api} query={settled} disabled={!valid} />
          </Card>
          {valid && (
            <Card title={t('preview.title')}>
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
