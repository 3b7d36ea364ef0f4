import type { Knex } from 'knex';
import { STORY_UID, type PublicTables } from './tables';

/**
 * Lean reads for the public API: plain knex on the published rows and the link tables, a handful of queries per
 * page whatever its size, no entity hydration. Visibility (published, approved, consented for the website) is
 * decided here, once: `visibleStories`.
 */

export interface StoryRow {
  id: number;
  documentId: string;
  slug: string;
  title: string;
  teaser: string | null;
  body: unknown;
  kind: string | null;
  language: string | null;
  youtubeVideoId: string | null;
  recordedOn: unknown;
  place: string | null;
  publishedAt: unknown;
  updatedAt: unknown;
  /** What a story has at most one of, joined into its row: region, project, cover and YouTube sync state. */
  regionId: number | null;
  projectRowId: number | null;
  coverUrl: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  coverFormats: unknown;
  coverAlternativeText: string | null;
  coverMime: string | null;
  syncVideoId: string | null;
  syncPrivacy: string | null;
  syncStatus: string | null;
}

export interface RegionRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  key: string;
  kind: string;
  statisticalRegion: string;
}

export interface ThemeRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  description: string | null;
}

export interface ProjectRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  organisation: string | null;
  website: string | null;
  description: unknown;
  regionIds: number[];
  themeIds: number[];
}

/** Regions, themes and published projects: small tables, read once per cache generation. */
export interface Reference {
  regions: Map<number, RegionRow>;
  themes: Map<number, ThemeRow>;
  /** Every row id of a project (draft and published) → its published version. */
  projectsByRowId: Map<number, ProjectRow>;
  projectsBySlug: Map<string, { project: ProjectRow; rowIds: number[] }>;
}

export interface StoryExtras {
  themeIds: Map<number, number[]>;
  credits: Map<number, { name: string; role: string | null }[]>;
}

export interface StoryFilter {
  regionIds?: number[];
  themeId?: number;
  projectRowIds?: number[];
  kind?: string;
  language?: string;
  terms?: string[];
  since?: Date;
  sort: 'newest' | 'oldest' | 'title';
  limit: number;
  offset: number;
}

const groupBy = <K, V>(rows: V[], key: (row: V) => K): Map<K, V[]> => {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
};

/** A story linked twice where the model allows one link (a stray media or region row) still appears once. */
function firstOfEach<T extends { id: number }>(rows: T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

export const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export class PublicQueries {
  constructor(
    private readonly knex: Knex,
    private readonly t: PublicTables
  ) {}

  /**
   * The one visibility rule, for every public route (v1, feeds, oEmbed, story pages, embed page, widget): a published
   * story, approved by the editors, with a consent record in which every person shown agreed to the website (which
   * includes partner sites and the widget) and which is withdrawn neither for everything nor for the website. A
   * story without a consent record is not public: consent is given, never assumed.
   */
  visibleStories(): Knex.QueryBuilder {
    const { knex, t } = this;
    const s = t.stories.col;
    const c = t.storyComponents;
    const pl = t.consentPeople;
    const consentOfStory = knex
      .select(knex.raw('1'))
      .from(`${c.table} as c`)
      .join(`${t.consent.table} as r`, 'r.id', `c.${c.component}`)
      .whereRaw('?? = ??', [`c.${c.entity}`, `s.${s.id}`])
      .where(`c.${c.field}`, 'consent')
      .where(`c.${c.type}`, t.consent.uid)
      .whereNull(`r.${t.consent.withdrawnAt}`)
      .whereNull(`r.${t.consent.websiteWithdrawnAt}`)
      .whereNotExists(
        knex
          .select(knex.raw('1'))
          .from(`${pl.table} as pl`)
          .join(`${t.consentPerson.table} as p`, 'p.id', `pl.${pl.component}`)
          .whereRaw('?? = ??', [`pl.${pl.entity}`, 'r.id'])
          .where(`pl.${pl.field}`, 'people')
          .where(`pl.${pl.type}`, t.consentPerson.uid)
          // Only an explicit yes counts: a person whose answer is missing did not agree.
          .where((w) => w.whereNull(`p.${t.consentPerson.channelWebsite}`).orWhereNot(`p.${t.consentPerson.channelWebsite}`, true))
      );
    return knex(`${t.stories.table} as s`)
      .whereNotNull(`s.${s.publishedAt}`)
      .where(`s.${s.editorialStatus}`, 'approved')
      .whereExists(consentOfStory);
  }

  /**
   * The public columns of stories `s` with what each has at most one of joined in: region, project, cover (the
   * media link of the `cover` attribute) and YouTube sync state. A story whose consent for YouTube was withdrawn
   * shows no video, from the moment of the withdrawal on, while the sync takes it down.
   */
  private withStoryColumns(query: Knex.QueryBuilder): Knex.QueryBuilder {
    const { knex, t } = this;
    const s = t.stories.col;
    const m = t.fileLinks;
    const f = t.files.col;
    const y = t.syncStates.col;
    const c = t.storyComponents;
    const unlessWithdrawn = (column: string) => knex.raw('CASE WHEN ?? IS NULL THEN ?? END', [`cr.${t.consent.youtubeWithdrawnAt}`, column]);
    return query
      .leftJoin(`${c.table} as cl`, (on) =>
        on.on(`cl.${c.entity}`, '=', `s.${s.id}`).andOnVal(`cl.${c.field}`, '=', 'consent').andOnVal(`cl.${c.type}`, '=', t.consent.uid)
      )
      .leftJoin(`${t.consent.table} as cr`, 'cr.id', `cl.${c.component}`)
      .leftJoin(`${t.storyRegion.table} as rl`, `rl.${t.storyRegion.source}`, `s.${s.id}`)
      .leftJoin(`${t.storyProject.table} as pl`, `pl.${t.storyProject.source}`, `s.${s.id}`)
      .leftJoin(`${m.table} as m`, (on) =>
        on.on(`m.${m.relatedId}`, '=', `s.${s.id}`).andOnVal(`m.${m.relatedType}`, '=', STORY_UID).andOnVal(`m.${m.field}`, '=', 'cover')
      )
      .leftJoin(`${t.files.table} as f`, `f.${f.id}`, `m.${m.file}`)
      .leftJoin(`${t.syncStates.table} as y`, `y.${y.storyDocumentId}`, `s.${s.documentId}`)
      .select({
        id: `s.${s.id}`,
        documentId: `s.${s.documentId}`,
        slug: `s.${s.slug}`,
        title: `s.${s.title}`,
        teaser: `s.${s.teaser}`,
        body: `s.${s.body}`,
        kind: `s.${s.kind}`,
        language: `s.${s.language}`,
        youtubeVideoId: unlessWithdrawn(`s.${s.youtubeVideoId}`),
        recordedOn: `s.${s.recordedOn}`,
        place: `s.${s.place}`,
        publishedAt: `s.${s.publishedAt}`,
        updatedAt: `s.${s.updatedAt}`,
        regionId: `rl.${t.storyRegion.target}`,
        projectRowId: `pl.${t.storyProject.target}`,
        coverUrl: `f.${f.url}`,
        coverWidth: `f.${f.width}`,
        coverHeight: `f.${f.height}`,
        coverFormats: `f.${f.formats}`,
        coverAlternativeText: `f.${f.alternativeText}`,
        coverMime: `f.${f.mime}`,
        syncVideoId: unlessWithdrawn(`y.${y.youtubeVideoId}`),
        syncPrivacy: `y.${y.privacyStatus}`,
        syncStatus: `y.${y.status}`,
      });
  }

  private filtered(filter: StoryFilter): Knex.QueryBuilder {
    const { knex, t } = this;
    const s = t.stories.col;
    const query = this.visibleStories();
    const linked = (link: PublicTables['storyRegion'], ids: number[]) =>
      query.whereIn(`s.${s.id}`, knex(link.table).select(link.source).whereIn(link.target, ids));
    if (filter.regionIds) linked(t.storyRegion, filter.regionIds);
    if (filter.themeId !== undefined) linked(t.storyThemes, [filter.themeId]);
    if (filter.projectRowIds) linked(t.storyProject, filter.projectRowIds);
    if (filter.kind) query.where(`s.${s.kind}`, filter.kind);
    if (filter.language) query.where(`s.${s.language}`, filter.language);
    if (filter.since) query.where(`s.${s.publishedAt}`, '>=', filter.since);
    if (filter.terms?.length) {
      const matches = knex(t.search.table).select(t.search.col.documentId);
      for (const term of filter.terms) matches.whereRaw('?? LIKE ? ESCAPE ?', [t.search.col.folded, `%${escapeLike(term)}%`, '\\']);
      query.whereIn(`s.${s.documentId}`, matches);
    }
    return query;
  }

  /**
   * One page of stories and the total in one statement: the filtered ids are numbered in sort order and counted
   * (window functions over narrow rows), and only the page's rows are then joined to their columns.
   */
  async storyPage(filter: StoryFilter): Promise<{ rows: StoryRow[]; total: number }> {
    const { knex, t } = this;
    const s = t.stories.col;
    const numbered = this.filtered(filter);
    let order: Knex.Raw;
    if (filter.sort === 'title') {
      numbered.leftJoin(`${t.search.table} as e`, `e.${t.search.col.documentId}`, `s.${s.documentId}`);
      order = knex.raw('ROW_NUMBER() OVER (ORDER BY COALESCE(??, LOWER(??)) ASC, ?? ASC)', [
        `e.${t.search.col.titleSort}`,
        `s.${s.title}`,
        `s.${s.id}`,
      ]);
    } else {
      const direction = filter.sort === 'oldest' ? 'ASC' : 'DESC';
      order = knex.raw(`ROW_NUMBER() OVER (ORDER BY ?? ${direction}, ?? ${direction})`, [`s.${s.publishedAt}`, `s.${s.id}`]);
    }
    numbered
      .select({ storyId: `s.${s.id}`, position: order, total: knex.raw('COUNT(*) OVER ()') })
      .orderBy('position')
      .limit(filter.limit)
      .offset(filter.offset);
    const page = this.withStoryColumns(knex.with('page', numbered).from('page as p').join(`${t.stories.table} as s`, `s.${s.id}`, 'p.storyId'))
      .select({ total: 'p.total' })
      .orderBy('p.position');
    const rows = (await page) as (StoryRow & { total: number | string })[];
    if (rows.length) return { rows: firstOfEach(rows), total: Number(rows[0].total) };
    const count = filter.offset ? await this.filtered(filter).count({ n: '*' }).first() : undefined;
    return { rows: [], total: Number((count as { n: number | string } | undefined)?.n ?? 0) };
  }

  async storyBySlug(slug: string): Promise<StoryRow | null> {
    const row = await this.withStoryColumns(this.visibleStories()).where(`s.${this.t.stories.col.slug}`, slug).first();
    return (row as StoryRow | undefined) ?? null;
  }

  /** What stories have several of (themes, credits), one query each for a whole page. */
  async extras(stories: StoryRow[]): Promise<StoryExtras> {
    const { knex, t } = this;
    const ids = stories.map((s) => s.id);
    const extras: StoryExtras = { themeIds: new Map(), credits: new Map() };
    if (!ids.length) return extras;
    const c = t.storyComponents;
    const [themes, credits] = await Promise.all([
      knex(t.storyThemes.table)
        .select({ story: t.storyThemes.source, target: t.storyThemes.target })
        .whereIn(t.storyThemes.source, ids)
        .orderBy([t.storyThemes.source, ...(t.storyThemes.order ? [t.storyThemes.order] : []), t.storyThemes.target]),
      knex(`${c.table} as c`)
        .join(`${t.credits.table} as k`, 'k.id', `c.${c.component}`)
        .select({ story: `c.${c.entity}`, name: `k.${t.credits.name}`, role: `k.${t.credits.role}` })
        .where(`c.${c.field}`, 'credits')
        .where(`c.${c.type}`, t.credits.uid)
        .whereIn(`c.${c.entity}`, ids)
        .orderBy([`c.${c.entity}`, `c.${c.order}`]),
    ]);
    for (const [story, rows] of groupBy(themes as { story: number; target: number }[], (r) => r.story)) {
      const themeIds = rows.map((r) => r.target);
      extras.themeIds.set(story, themeIds);
    }
    for (const [story, rows] of groupBy(credits as { story: number; name: string; role: string | null }[], (r) => r.story)) {
      const named = rows.map((r) => ({ name: r.name, role: r.role }));
      extras.credits.set(story, named);
    }
    return extras;
  }

  async reference(): Promise<Reference> {
    const { knex, t } = this;
    const r = t.regions.col;
    const th = t.themes.col;
    const p = t.projects.col;
    const [regions, themes, projectRows, projectRegions, projectThemes] = await Promise.all([
      knex(t.regions.table)
        .select({ id: r.id, documentId: r.documentId, name: r.name, slug: r.slug, key: r.key, kind: r.kind, statisticalRegion: r.statisticalRegion })
        .whereNotNull(r.publishedAt)
        .orderBy(r.key),
      knex(t.themes.table)
        .select({ id: th.id, documentId: th.documentId, name: th.name, slug: th.slug, description: th.description })
        .whereNotNull(th.publishedAt)
        .orderBy(th.name),
      knex(t.projects.table).select({
        id: p.id,
        documentId: p.documentId,
        name: p.name,
        slug: p.slug,
        organisation: p.organisation,
        website: p.website,
        description: p.description,
        publishedAt: p.publishedAt,
      }),
      knex(t.projectRegions.table)
        .select({ project: t.projectRegions.source, target: t.projectRegions.target })
        .orderBy([t.projectRegions.source, ...(t.projectRegions.order ? [t.projectRegions.order] : [])]),
      knex(t.projectThemes.table)
        .select({ project: t.projectThemes.source, target: t.projectThemes.target })
        .orderBy([t.projectThemes.source, ...(t.projectThemes.order ? [t.projectThemes.order] : [])]),
    ]);
    const regionsOf = groupBy(projectRegions as { project: number; target: number }[], (x) => x.project);
    const themesOf = groupBy(projectThemes as { project: number; target: number }[], (x) => x.project);
    const byDocument = groupBy(projectRows as (Omit<ProjectRow, 'regionIds' | 'themeIds'> & { publishedAt: unknown })[], (x) => x.documentId);
    const projectsByRowId = new Map<number, ProjectRow>();
    const projectsBySlug = new Map<string, { project: ProjectRow; rowIds: number[] }>();
    for (const rows of byDocument.values()) {
      const published = rows.find((row) => row.publishedAt !== null && row.publishedAt !== undefined);
      if (!published) continue;
      const { publishedAt: _publishedAt, ...fields } = published;
      const project: ProjectRow = {
        ...fields,
        regionIds: (regionsOf.get(published.id) ?? []).map((x) => x.target),
        themeIds: (themesOf.get(published.id) ?? []).map((x) => x.target),
      };
      for (const row of rows) projectsByRowId.set(row.id, project);
      projectsBySlug.set(project.slug, { project, rowIds: rows.map((row) => row.id) });
    }
    return {
      regions: new Map((regions as RegionRow[]).map((x) => [x.id, x])),
      themes: new Map((themes as ThemeRow[]).map((x) => [x.id, x])),
      projectsByRowId,
      projectsBySlug,
    };
  }

  /** Published, visible stories per linked row (region, theme or project row id). */
  async storyCounts(link: 'storyRegion' | 'storyThemes' | 'storyProject'): Promise<Map<number, number>> {
    const l = this.t[link];
    const rows = (await this.visibleStories()
      .join(`${l.table} as l`, `l.${l.source}`, `s.${this.t.stories.col.id}`)
      .select({ target: `l.${l.target}` })
      .count({ n: '*' })
      .groupBy(`l.${l.target}`)) as { target: number; n: number | string }[];
    return new Map(rows.map((row) => [Number(row.target), Number(row.n)]));
  }

  async playlists(): Promise<{ key: string; youtubePlaylistId: string; title: string | null }[]> {
    const p = this.t.playlists.col;
    return this.knex(this.t.playlists.table)
      .select({ key: p.key, youtubePlaylistId: p.youtubePlaylistId, title: p.title })
      .whereNotNull(p.youtubePlaylistId)
      .orderBy(p.key);
  }

  async removals(since: Date | undefined, limit: number, offset: number) {
    const r = this.t.removals.col;
    const base = () => {
      const query = this.knex(this.t.removals.table);
      if (since) query.where(r.removedAt, '>=', since);
      return query;
    };
    const [rows, count] = await Promise.all([
      base()
        .select({ storyDocumentId: r.storyDocumentId, slug: r.slug, reason: r.reason, removedAt: r.removedAt })
        .orderBy([r.removedAt, r.id])
        .limit(limit)
        .offset(offset),
      base().count({ n: '*' }).first(),
    ]);
    return {
      rows: rows as { storyDocumentId: string; slug: string | null; reason: string; removedAt: unknown }[],
      total: Number((count as { n: number | string } | undefined)?.n ?? 0),
    };
  }

  /** The slug under which the public currently sees this story, or null when it does not. */
  async visibleSlug(documentId: string): Promise<string | null> {
    const s = this.t.stories.col;
    const row = (await this.visibleStories().where(`s.${s.documentId}`, documentId).first({ slug: `s.${s.slug}` })) as { slug: string } | undefined;
    return row?.slug ?? null;
  }

  /** Whether the story's consent was withdrawn for everything or for the website (its removal's reason). */
  async withdrawnForWebsite(documentId: string): Promise<boolean> {
    const { knex, t } = this;
    const s = t.stories.col;
    const c = t.storyComponents;
    const row = await knex(`${t.stories.table} as s`)
      .leftJoin(`${c.table} as c`, (on) =>
        on.on(`c.${c.entity}`, '=', `s.${s.id}`).andOnVal(`c.${c.field}`, '=', 'consent').andOnVal(`c.${c.type}`, '=', t.consent.uid)
      )
      .leftJoin(`${t.consent.table} as r`, 'r.id', `c.${c.component}`)
      .where(`s.${s.documentId}`, documentId)
      .where((w) =>
        w
          .where(`s.${s.editorialStatus}`, 'withdrawn')
          .orWhereNotNull(`r.${t.consent.withdrawnAt}`)
          .orWhereNotNull(`r.${t.consent.websiteWithdrawnAt}`)
      )
      .first({ id: `s.${s.id}` });
    return Boolean(row);
  }

  /** Whether the public currently sees this story. */
  async isVisible(documentId: string): Promise<boolean> {
    return (await this.visibleSlug(documentId)) !== null;
  }
}
