import { CSV_TABLES, type CsvTable } from './filters';
import type { ReportFigures } from './figures';
import { DEFINITIONS, EDITORIAL_STATUS_NAMES, STATISTICAL_REGION_NAMES, SYNC_STATUS_NAMES, WITHOUT } from './labels';
import type { StoryListRow } from './story-rows';
import { storyUrl, youtubeUrl } from './links';

/**
 * The report's tables, defined once: the spreadsheet makes one sheet of each, the CSV writes one of them. A column
 * says what kind of value it holds so each format can write a real number or date the way its readers expect.
 */

export type CellKind = 'text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'month' | 'url' | 'auto';
/** A calendar day (or month) without a time of day, e.g. the ends of the period: `2026-01-31`. */
export interface DayValue {
  day: string;
}
/** Dates are instants (shown in Berlin time); days are calendar days. */
export type CellValue = string | number | Date | DayValue | null;

export const isDay = (value: CellValue): value is DayValue => typeof value === 'object' && value !== null && !(value instanceof Date);
export type TableRow = Record<string, CellValue>;

export interface Column {
  key: string;
  header: string;
  kind: CellKind;
  /** Spreadsheet column width in characters. */
  width: number;
}

export interface TableSpec {
  key: CsvTable | 'definitions';
  sheet: string;
  columns: Column[];
}

const col = (key: string, header: string, kind: CellKind, width: number): Column => ({ key, header, kind, width });

export const TABLES: Record<Exclude<CsvTable, 'stories'> | 'definitions', TableSpec> = {
  overview: { key: 'overview', sheet: 'Übersicht', columns: [col('figure', 'Kennzahl', 'text', 52), col('value', 'Wert', 'auto', 22)] },
  districts: {
    key: 'districts',
    sheet: 'Landkreise',
    columns: [
      col('key', 'Schlüssel', 'text', 11),
      col('name', 'Landkreis / kreisfreie Stadt', 'text', 30),
      col('kind', 'Art', 'text', 17),
      col('statisticalRegion', 'Statistische Region', 'text', 20),
      col('stories', 'Veröffentlichte Geschichten', 'integer', 26),
    ],
  },
  statisticalRegions: {
    key: 'statisticalRegions',
    sheet: 'Statistische Regionen',
    columns: [col('name', 'Statistische Region', 'text', 24), col('stories', 'Veröffentlichte Geschichten', 'integer', 26)],
  },
  themes: { key: 'themes', sheet: 'Themen', columns: [col('name', 'Thema', 'text', 28), col('stories', 'Veröffentlichte Geschichten', 'integer', 26)] },
  projects: {
    key: 'projects',
    sheet: 'Projekte',
    columns: [col('name', 'Projekt', 'text', 44), col('organisation', 'Träger', 'text', 40), col('stories', 'Veröffentlichte Geschichten', 'integer', 26)],
  },
  months: { key: 'months', sheet: 'Monate', columns: [col('month', 'Monat', 'month', 18), col('stories', 'Veröffentlichte Geschichten', 'integer', 26)] },
  submissions: { key: 'submissions', sheet: 'Einreichungen', columns: [col('figure', 'Kennzahl', 'text', 52), col('value', 'Wert', 'auto', 14)] },
  referralSources: {
    key: 'referralSources',
    sheet: 'Einreichungen nach Quelle',
    columns: [col('source', 'Quelle (Partner-Link)', 'text', 40), col('submissions', 'Einreichungen', 'integer', 16)],
  },
  topStories: {
    key: 'topStories',
    sheet: 'Top-Geschichten',
    columns: [
      col('rank', 'Rang', 'integer', 7),
      col('title', 'Titel', 'text', 50),
      col('district', 'Landkreis', 'text', 24),
      col('views', 'Aufrufe', 'integer', 12),
      col('likes', 'Likes', 'integer', 10),
      col('comments', 'Kommentare', 'integer', 12),
      col('storyUrl', 'Link Website', 'url', 50),
      col('youtubeUrl', 'Link YouTube', 'url', 44),
    ],
  },
  syncFailures: {
    key: 'syncFailures',
    sheet: 'Sync-Fehler',
    columns: [
      col('title', 'Titel', 'text', 50),
      col('district', 'Landkreis', 'text', 24),
      col('failedAt', 'Zuletzt versucht', 'datetime', 18),
      col('lastError', 'Fehler', 'text', 80),
      col('storyUrl', 'Link Website', 'url', 50),
      col('youtubeUrl', 'Link YouTube', 'url', 44),
    ],
  },
  definitions: { key: 'definitions', sheet: 'Definitionen', columns: [col('text', 'So wird gezählt', 'text', 140)] },
};

export const STORIES_TABLE: TableSpec = {
  key: 'stories',
  sheet: 'Geschichten',
  columns: [
    col('title', 'Titel', 'text', 50),
    col('districtKey', 'Schlüssel', 'text', 11),
    col('district', 'Landkreis', 'text', 24),
    col('statisticalRegion', 'Statistische Region', 'text', 18),
    col('themes', 'Themen', 'text', 30),
    col('project', 'Projekt', 'text', 36),
    col('editorialStatus', 'Redaktionsstatus', 'text', 16),
    col('createdAt', 'Eingegangen', 'datetime', 17),
    col('publishedAt', 'Veröffentlicht', 'datetime', 17),
    col('syncStatus', 'YouTube-Status', 'text', 20),
    col('views', 'Aufrufe', 'integer', 11),
    col('likes', 'Likes', 'integer', 9),
    col('comments', 'Kommentare', 'integer', 11),
    col('statsAt', 'Zahlen vom', 'datetime', 17),
    col('storyUrl', 'Link Website', 'url', 50),
    col('youtubeUrl', 'Link YouTube', 'url', 44),
    col('documentId', 'Dokument-ID', 'text', 27),
  ],
};

export function storyTableRow(row: StoryListRow): TableRow {
  return {
    title: row.title,
    districtKey: row.districtKey,
    district: row.district,
    statisticalRegion: row.statisticalRegion ? (STATISTICAL_REGION_NAMES[row.statisticalRegion] ?? row.statisticalRegion) : null,
    themes: row.themes.join(', ') || null,
    project: row.project,
    editorialStatus: row.editorialStatus ? (EDITORIAL_STATUS_NAMES[row.editorialStatus] ?? row.editorialStatus) : null,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    syncStatus: row.syncStatus ? (SYNC_STATUS_NAMES[row.syncStatus] ?? row.syncStatus) : null,
    views: row.views,
    likes: row.likes,
    comments: row.comments,
    statsAt: row.statsAt,
    storyUrl: row.storyUrl,
    youtubeUrl: row.youtubeUrl,
    documentId: row.documentId,
  };
}

const figure = (name: string, value: CellValue): TableRow => ({ figure: name, value });

/** The rows of every aggregate table; `publicUrl` turns slugs into links. */
export function aggregateRows(figures: ReportFigures, publicUrl: string): Record<Exclude<CsvTable, 'stories'> | 'definitions', TableRow[]> {
  const s = figures.submissions;
  const y = figures.youtube;
  return {
    overview: [
      figure('Bericht erstellt am', figures.generatedAt),
      figure('Zeitraum von', { day: figures.period.from }),
      figure('Zeitraum bis', { day: figures.period.to }),
      figure('Filter', figures.filterLabels.length ? figures.filterLabels.join('; ') : 'keine'),
      figure('Veröffentlichte Geschichten', figures.published),
      figure('Einreichungen eingegangen', s.received),
      figure('Einreichungen angenommen', s.byStatus.approved),
      figure('Einreichungen abgelehnt', s.byStatus.rejected),
      figure('Einreichungen zurückgezogen', s.byStatus.withdrawn),
      figure('Median Tage vom Eingang bis zur Veröffentlichung', s.medianDaysToPublication),
      figure('YouTube-Aufrufe (Summe)', y.views),
      figure('YouTube-Likes (Summe)', y.likes),
      figure('YouTube-Kommentare (Summe)', y.comments),
      figure('Geschichten mit YouTube-Video', y.storiesWithVideo),
      figure('Stand der YouTube-Zahlen', y.statsAt),
      figure('Geschichten mit fehlgeschlagenem YouTube-Sync', figures.syncFailures.total),
    ],
    districts: figures.districts.map((d) => ({ key: d.key, name: d.name, kind: d.kind, statisticalRegion: d.statisticalRegion, stories: d.stories })),
    statisticalRegions: figures.statisticalRegions.map((r) => ({ name: r.name, stories: r.stories })),
    themes: figures.themes.map((t) => ({ name: t.name, stories: t.stories })),
    projects: figures.projects.map((p) => ({ name: p.name, organisation: p.organisation, stories: p.stories })),
    months: figures.months.map((m) => ({ month: { day: `${m.key}-01` }, stories: m.stories })),
    submissions: [
      figure('Eingegangen (gesamt)', s.received),
      ...Object.entries(s.byStatus).map(([status, n]) => figure(`davon heute: ${EDITORIAL_STATUS_NAMES[status]}`, n)),
      figure('Eingegangen und inzwischen veröffentlicht', s.published),
      figure('Median Tage vom Eingang bis zur Veröffentlichung', s.medianDaysToPublication),
      figure('Grundlage des Medians (Geschichten)', s.medianBasis),
    ],
    referralSources: s.byReferralSource.map((r) => ({ source: r.source ?? WITHOUT.referralSource, submissions: r.submissions })),
    topStories: figures.topStories.map((story, i) => ({
      rank: i + 1,
      title: story.title,
      district: story.district,
      views: story.views,
      likes: story.likes,
      comments: story.comments,
      storyUrl: storyUrl(publicUrl, story.slug),
      youtubeUrl: youtubeUrl(story.youtubeVideoId),
    })),
    syncFailures: figures.syncFailures.rows.map((f) => ({
      title: f.title,
      district: f.district,
      failedAt: f.failedAt,
      lastError: f.lastError,
      storyUrl: storyUrl(publicUrl, f.slug),
      youtubeUrl: youtubeUrl(f.youtubeVideoId),
    })),
    definitions: DEFINITIONS.map((text) => ({ text })),
  };
}

/** The sheets in the CSV tables' order, without the long story list (the XLSX writes it last), plus the definitions. */
export const SHEET_ORDER: (Exclude<CsvTable, 'stories'> | 'definitions')[] = [
  ...CSV_TABLES.filter((table): table is Exclude<CsvTable, 'stories'> => table !== 'stories'),
  'definitions',
];
