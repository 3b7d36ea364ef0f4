import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publishBlockers, type Gap } from '../../plugins/submissions/server/src/review/consent-completeness';
import { REVIEW_FIELDS, REVIEW_POPULATE, reviewSubjectOf, type ReviewedStory } from '../../plugins/submissions/server/src/review/review-subject';
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

/** Every reason at once, so the editor can fix them all before the next try; each names its field for the form. */
function refusePublication(gaps: Gap[]): never {
  const reasons = gaps.map((gap) => gap.message).join(' · ');
  throw new errors.ValidationError(`Die Geschichte kann noch nicht veröffentlicht werden: ${reasons}`, {
    errors: gaps.map((gap) => ({ path: gap.path, message: gap.message, name: 'ValidationError' })),
  });
}

/**
 * Drafts may be incomplete while an editor works on them. A published story must name its region and at least
 * one theme, because the public API, the playlists and the reports are organised by them; and it must be approved
 * with a complete consent record (review/consent-completeness.ts), the same reasons the review queue shows.
 */
async function assertPublishable(strapi: Core.Strapi, documentId: string) {
  const draft = await strapi.documents(STORY).findOne({
    documentId,
    status: 'draft',
    fields: [...REVIEW_FIELDS],
    populate: { region: { fields: ['id'] }, themes: { fields: ['id'] }, ...REVIEW_POPULATE } as never,
  });
  if (!draft) return;
  const story = draft as unknown as ReviewedStory & { region?: unknown; themes?: unknown[] };
  const gaps: Gap[] = [];
  if (!story.region) gaps.push({ path: ['region'], message: 'Bitte eine Region (Landkreis oder kreisfreie Stadt) auswählen.' });
  if (!story.themes?.length) gaps.push({ path: ['themes'], message: 'Bitte mindestens ein Thema auswählen.' });
  gaps.push(...publishBlockers(reviewSubjectOf(story)));
  if (gaps.length) refusePublication(gaps);
}

export function registerStoryRules(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== STORY) return next();
    const params = context.params as { data?: StoryInput; documentId?: string; status?: string };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      normaliseYouTubeField(params.data);
      await assertOneVideoSource(strapi, params.data, params.documentId);
    }
    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      // Strapi would publish such a call internally, past every document middleware: save the draft, then publish
      // it through the Document Service, so the gate and the sync hooks see it like any other publication. One
      // transaction, so a refused publication leaves nothing behind.
      const { status: _published, ...draftParams } = params;
      context.params = draftParams;
      return strapi.db.transaction(async () => {
        const draft = await next();
        const documentId = (draft as { documentId?: string } | null)?.documentId;
        if (!documentId) return draft;
        const published = await strapi.documents(STORY).publish({ documentId });
        return published.entries[0];
      });
    }
    if (context.action === 'publish' && params.documentId) await assertPublishable(strapi, params.documentId);
    return next();
  };
  strapi.documents.use(middleware);
}
