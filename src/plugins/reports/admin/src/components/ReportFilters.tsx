import { DatePicker, Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ReportOptions, ReportQuery } from '../api';
import { useT } from '../translate';

const ALL = '';

/** `2026-01-31` from a date picked in the browser's local calendar. */
export const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const fromIsoDay = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
};

interface Choice {
  value: string;
  label: string;
}

function Select({ label, value, choices, onChange }: { label: string; value?: string; choices: Choice[]; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value ?? ALL} onChange={(v) => onChange(String(v))} onClear={() => onChange(ALL)} clearLabel={t('filters.clear')}>
        <SingleSelectOption value={ALL}>{t('filters.all')}</SingleSelectOption>
        {choices.map((c) => (
          <SingleSelectOption key={c.value} value={c.value}>
            {c.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

/** The period and the optional filters; the district list follows the chosen statistical region. */
export function ReportFilters({ query, options, onChange }: { query: ReportQuery; options: ReportOptions; onChange: (query: ReportQuery) => void }) {
  const t = useT();
  const set = (patch: Partial<ReportQuery>) => onChange({ ...query, ...patch });
  const districts = options.districts.filter((d) => !query.statisticalRegion || d.statisticalRegion === query.statisticalRegion);
  const invalid = query.from > query.to;
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Field.Root>
          <Field.Label>{t('filters.from')}</Field.Label>
          <DatePicker value={fromIsoDay(query.from)} onChange={(date) => date && set({ from: isoDay(date) })} clearLabel={t('filters.clear')} />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Field.Root error={invalid ? t('filters.invalid') : undefined}>
          <Field.Label>{t('filters.to')}</Field.Label>
          <DatePicker value={fromIsoDay(query.to)} onChange={(date) => date && set({ to: isoDay(date) })} clearLabel={t('filters.clear')} />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Select
          label={t('filters.statisticalRegion')}
          value={query.statisticalRegion}
          choices={options.statisticalRegions.map((r) => ({ value: r.key, label: r.name }))}
          onChange={(statisticalRegion) => set({ statisticalRegion, district: ALL })}
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Select
          label={t('filters.district')}
          value={query.district}
          choices={districts.map((d) => ({ value: d.key, label: d.name }))}
          onChange={(district) => set({ district })}
        />
      </Grid.Item>
      <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
        <Select label={t('filters.theme')} value={query.theme} choices={options.themes.map((th) => ({ value: th.slug, label: th.name }))} onChange={(theme) => set({ theme })} />
      </Grid.Item>
      <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
        <Select
          label={t('filters.project')}
          value={query.project}
          choices={options.projects.map((p) => ({ value: p.slug, label: p.name }))}
          onChange={(project) => set({ project })}
        />
      </Grid.Item>
    </Grid.Root>
  );
}
