import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { InvalidYouTubeReference, parseYouTubeReference } from './youtube-reference';

const STORY = 'api::story.story';

type StoryInput = Record<string, unknown>;

function fieldError(path: string, message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
}

/** Replaces a pasted YouTube link by its video id, or rejects it naming the field. */
function normaliseYouTubeField(data: StoryInput) {
  const value = data.youtubeVideoId;
  if (typeof value !== 'string') return;
  if (value.trim() === '') {
    data.youtubeVideoId = null;
    return;
  }
  try {
    data.youtubeVideoId = parseYouTubeReference(value);
  } catch (error) {
    if (error instanceof InvalidYouTubeReference) fieldError('youtubeVideoId', error.message);
    throw error;
  }
}

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * A story shows one video: an uploaded file or a linked YouTube video. Both at once would leave the sync to guess
 * which one the editor meant, so the editor is asked to choose. On update the stored draft fills the side the
 * request does not change.
 */
async function assertOneVideoSource(strapi: Core.Strapi, data: StoryInput, documentId?: string) {
  if (!('video' in data) && !('youtubeVideoId' in data)) return;
  let video = data.video;
  let youtube = data.youtubeVideoId;
  if (documentId && (!('video' in data) || !('youtubeVideoId' in data))) {
    const draft = (await strapi.documents(STORY).findOne({ documentId, status: 'draft', fields: ['youtubeVideoId'], populate: { video: { fields: ['id'] } } })) as {
      video?: unknown;
      youtubeVideoId?: string | null;
    } | null;
    if (!('video' in data)) video = draft?.video;
    if (!('youtubeVideoId' in data)) youtube = draft?.youtubeVideoId;
  }
  if (isSet(video) && isSet(youtube)) {
    fieldError('youtubeVideoId', 'Bitte entweder eine Video-Datei hochladen oder einen YouTube-Link angeben – nicht beides.');
  }
}

function hasRelation(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const v = value as { connect?: unknown[]; set?: unknown[]; id?: unknown; documentId?: unknown };
    if (v.id !== undefined || v.documentId !== undefined) return true;
    return (v.set?.length ?? 0) > 0 || (v.connect?.length ?? 0) > 0;
  }
  return true;
}

/**
 * Drafts may be incomplete while an editor works on them; a published story must name its region and at least
 * one theme, because the public API, the playlists and the reports are organised by them.
 */
async function assertPublishable(strapi: Core.Strapi, documentId: string) {
  const draft = await strapi.documents(STORY).findOne({
    documentId,
    status: 'draft',
    populate: { region: { fields: ['id'] }, themes: { fields: ['id'] } },
  });
  if (!draft) return;
  const story = draft as unknown as { region?: unknown; themes?: unknown[] };
  if (!story.region) fieldError('region', 'Bitte eine Region (Landkreis oder kreisfreie Stadt) auswählen, bevor die Geschichte veröffentlicht wird.');
  if (!story.themes?.length) fieldError('themes', 'Bitte mindestens ein Thema auswählen, bevor die Geschichte veröffentlicht wird.');
}

export function registerStoryRules(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== STORY) return next();
    const params = context.params as { data?: StoryInput; documentId?: string; status?: string };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      normaliseYouTubeField(params.data);
      await assertOneVideoSource(strapi, params.data, params.documentId);
      if (context.action === 'create' && params.status === 'published') {
        if (!hasRelation(params.data.region)) fieldError('region', 'Eine Geschichte braucht eine Region.');
        if (!hasRelation(params.data.themes)) fieldError('themes', 'Eine Geschichte braucht mindestens ein Thema.');
      }
    }
    if (context.action === 'publish' && params.documentId) await assertPublishable(strapi, params.documentId);
    return next();
  };
  strapi.documents.use(middleware);
}
