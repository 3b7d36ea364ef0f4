import type { Core } from '@strapi/strapi';
import { PublicQueries } from '../public-api/query';
import { resolveTables, STORY_UID } from '../public-api/tables';
import { placeFile, type FileRow } from './moves';
import { mediaPrivacySettings } from './settings';

/**
 * Which files of stories are public: the cover (with its formats) and the caption files of a story the public
 * sees — by the one visibility rule of the public API (published, consent for everything and for the website not
 * withdrawn) — and its original video only where PUBLIC_ORIGINAL_VIDEO allows it. Everything else a story holds
 * (drafts' files, the video, signed consent forms, files of rejected, withdrawn or unpublished stories) is private.
 * A file several stories share is public while one visible story shows it.
 */

const CAPTION_UID = 'story.caption';
const FILE_FIELDS = ['id', 'url', 'formats'];

interface StoryVersionFiles {
  video?: FileRow | null;
  cover?: FileRow | null;
  captions?: { file?: FileRow | null }[] | null;
  consent?: { signedForm?: FileRow | null } | null;
}

/** Every file any version (draft and published) of the story holds. */
export async function filesOfStory(strapi: Core.Strapi, documentId: string): Promise<FileRow[]> {
  const versions = (await strapi.db.query(STORY_UID).findMany({
    where: { documentId },
    select: ['id'],
    populate: {
      video: { select: FILE_FIELDS },
      cover: { select: FILE_FIELDS },
      captions: { populate: { file: { select: FILE_FIELDS } } },
      consent: { populate: { signedForm: { select: FILE_FIELDS } } },
    },
  })) as StoryVersionFiles[];
  const files = versions.flatMap((v) => [v.video, v.cover, v.consent?.signedForm, ...(v.captions ?? []).map((c) => c.file)]);
  const unique = new Map<number, FileRow>();
  for (const file of files) if (file) unique.set(file.id, file);
  return [...unique.values()];
}

/** Of these files, the ones some visible story shows the public. */
export async function publiclyShown(strapi: Core.Strapi, fileIds: number[]): Promise<Set<number>> {
  if (!fileIds.length) return new Set();
  const knex = strapi.db.connection;
  const t = resolveTables(strapi);
  const queries = new PublicQueries(knex, t);
  const m = t.fileLinks;
  const c = t.storyComponents;
  const s = t.stories.col;
  const fields = mediaPrivacySettings(strapi).publicOriginalVideo ? ['cover', 'video'] : ['cover'];
  const direct = queries
    .visibleStories()
    .join(`${m.table} as pm`, (on) => on.on(`pm.${m.relatedId}`, '=', `s.${s.id}`).andOnVal(`pm.${m.relatedType}`, '=', STORY_UID))
    .whereIn(`pm.${m.field}`, fields)
    .whereIn(`pm.${m.file}`, fileIds)
    .select({ fileId: `pm.${m.file}` });
  const captions = queries
    .visibleStories()
    .join(`${c.table} as pc`, (on) => on.on(`pc.${c.entity}`, '=', `s.${s.id}`).andOnVal(`pc.${c.field}`, '=', 'captions').andOnVal(`pc.${c.type}`, '=', CAPTION_UID))
    .join(`${m.table} as pm`, (on) =>
      on.on(`pm.${m.relatedId}`, '=', `pc.${c.component}`).andOnVal(`pm.${m.relatedType}`, '=', CAPTION_UID).andOnVal(`pm.${m.field}`, '=', 'file')
    )
    .whereIn(`pm.${m.file}`, fileIds)
    .select({ fileId: `pm.${m.file}` });
  const rows = (await Promise.all([direct, captions])).flat() as { fileId: number | string }[];
  return new Set(rows.map((r) => Number(r.fileId)));
}

/** Moves each file to where it belongs now; how many moved. One failing file does not stop the others. */
export async function placeFiles(strapi: Core.Strapi, files: FileRow[]): Promise<number> {
  const shown = await publiclyShown(
    strapi,
    files.map((f) => f.id)
  );
  let moved = 0;
  for (const file of files) {
    try {
      if ((await placeFile(strapi, file, shown.has(file.id) ? 'public' : 'private')) === 'moved') moved += 1;
    } catch (error) {
      strapi.log.error(`Private media: could not move media library entry ${file.id} (${file.url}): ${(error as Error).message}`);
    }
  }
  return moved;
}

export const placeStoryFiles = async (strapi: Core.Strapi, documentId: string) => placeFiles(strapi, await filesOfStory(strapi, documentId));
