import { errors } from '@strapi/utils';
import { FEED_TYPES, renderFeed, type FeedFormat } from './feeds';
import { resolveStoryFilter } from './filters';
import { oembedFor, storySlugFromUrl } from './oembed';
import { openApiDocument } from './openapi';
import { noParams, oembedParams, parseParams, removalParams, storyListParams } from './params';
import type { PublicQueries, Reference, StoryRow } from './query';
import { CACHE_CONTROL_CONTRACT, render, renderJson, type PublicResponse } from './response';
import {
  pageMeta,
  playlistList,
  projectList,
  regionList,
  removalList,
  serializeStory,
  storyDocument,
  storyList,
  themeList,
  type PublicStory,
} from './serialize';

/** What each /api/v1 operation answers, from its validated parameters; the cache and HTTP live elsewhere. */

export type Endpoint =
  | 'stories'
  | 'storiesRss'
  | 'storiesAtom'
  | 'story'
  | 'removedStories'
  | 'regions'
  | 'themes'
  | 'projects'
  | 'playlists'
  | 'oembed'
  | 'openapi';

export interface AnswerInput {
  query: Record<string, unknown>;
  slug?: string;
  /** The request path and query without the partner key (the cache key), for self links in feeds. */
  normalisedUrl: string;
}

export interface AnswerContext {
  queries: PublicQueries;
  reference: () => Promise<Reference>;
  publicUrl: string;
  /** Whether covers list their AVIF/WebP copies (PUBLIC_MODERN_IMAGES). */
  modernImages: boolean;
  /** When public content last changed (the cache generation's time): the Last-Modified of every answer. */
  lastModified: Date;
}

async function serializeRows(ctx: AnswerContext, rows: StoryRow[]): Promise<PublicStory[]> {
  const [reference, extras] = await Promise.all([ctx.reference(), ctx.queries.extras(rows)]);
  return rows.map((row) => serializeStory(row, extras, reference, ctx.publicUrl, ctx.modernImages));
}

async function storyPage(ctx: AnswerContext, input: AnswerInput) {
  const params = parseParams(storyListParams, input.query);
  const { filter, scope } = resolveStoryFilter(params, await ctx.reference());
  const { rows, total } = await ctx.queries.storyPage(filter);
  return { params, scope, total, stories: await serializeRows(ctx, rows) };
}

async function stories(ctx: AnswerContext, input: AnswerInput) {
  const { params, total, stories: page } = await storyPage(ctx, input);
  return renderJson(storyList(page, pageMeta(params.page, params.pageSize, total)), ctx.lastModified);
}

const feed = (format: FeedFormat) => async (ctx: AnswerContext, input: AnswerInput) => {
  const { scope, stories: page } = await storyPage(ctx, input);
  const xml = renderFeed(format, page, {
    publicUrl: ctx.publicUrl,
    selfUrl: `${ctx.publicUrl.replace(/\/$/, '')}${input.normalisedUrl}`,
    scope,
    fallbackUpdated: ctx.lastModified,
  });
  return render(xml, FEED_TYPES[format], ctx.lastModified);
};

async function findStory(ctx: AnswerContext, slug: string): Promise<PublicStory> {
  const row = await ctx.queries.storyBySlug(slug);
  if (!row) throw new errors.NotFoundError(`No published story has the slug "${slug}".`);
  const [story] = await serializeRows(ctx, [row]);
  return story;
}

async function story(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  return renderJson(storyDocument(await findStory(ctx, input.slug ?? '')), ctx.lastModified);
}

async function removedStories(ctx: AnswerContext, input: AnswerInput) {
  const params = parseParams(removalParams, input.query);
  const { rows, total } = await ctx.queries.removals(params.since, params.pageSize, (params.page - 1) * params.pageSize);
  return renderJson(removalList(rows, pageMeta(params.page, params.pageSize, total), params.since), ctx.lastModified);
}

async function regions(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  const [reference, counts] = await Promise.all([ctx.reference(), ctx.queries.storyCounts('storyRegion')]);
  return renderJson(regionList(reference, counts), ctx.lastModified);
}

async function themes(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  const [reference, counts] = await Promise.all([ctx.reference(), ctx.queries.storyCounts('storyThemes')]);
  return renderJson(themeList(reference, counts), ctx.lastModified);
}

async function projects(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  const [reference, counts] = await Promise.all([ctx.reference(), ctx.queries.storyCounts('storyProject')]);
  return renderJson(projectList(reference, counts, ctx.publicUrl), ctx.lastModified);
}

async function playlists(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  return renderJson(playlistList(await ctx.queries.playlists()), ctx.lastModified);
}

async function oembed(ctx: AnswerContext, input: AnswerInput) {
  const params = parseParams(oembedParams, input.query);
  if (params.format !== 'json') throw new errors.NotImplementedError('Query parameter "format": only json is implemented.');
  const slug = storySlugFromUrl(params.url, ctx.publicUrl);
  if (!slug) throw new errors.NotFoundError(`Query parameter "url" is not the address of a story on ${ctx.publicUrl}: "${params.url}".`);
  const found = await findStory(ctx, slug);
  return renderJson(oembedFor(found, ctx.publicUrl, params), ctx.lastModified);
}

async function openapi(ctx: AnswerContext, input: AnswerInput) {
  parseParams(noParams, input.query);
  return renderJson(openApiDocument(ctx.publicUrl), ctx.lastModified, CACHE_CONTROL_CONTRACT);
}

export const ANSWERS: Record<Endpoint, (ctx: AnswerContext, input: AnswerInput) => Promise<PublicResponse>> = {
  stories,
  storiesRss: feed('rss'),
  storiesAtom: feed('atom'),
  story,
  removedStories,
  regions,
  themes,
  projects,
  playlists,
  oembed,
  openapi,
};
