import type { Core } from '@strapi/strapi';

const STORY = 'api::story.story';

export async function documentIdOf(strapi: Core.Strapi, uid: 'api::region.region' | 'api::theme.theme' | 'api::project.project', slug: string) {
  const row = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] });
  if (!row) throw new Error(`fixture: no ${uid} with slug ${slug}`);
  return row.documentId as string;
}

export interface StoryFixture {
  title: string;
  region?: string;
  themes?: string[];
  project?: string;
  publish?: boolean;
  data?: Record<string, unknown>;
}

/** Creates a story through the Document Service, the way the admin does, and publishes it unless told not to. */
export async function createStory(strapi: Core.Strapi, fixture: StoryFixture) {
  const region = fixture.region ? await documentIdOf(strapi, 'api::region.region', fixture.region) : undefined;
  const themes = await Promise.all((fixture.themes ?? []).map((t) => documentIdOf(strapi, 'api::theme.theme', t)));
  const project = fixture.project ? await documentIdOf(strapi, 'api::project.project', fixture.project) : undefined;
  const draft = await strapi.documents(STORY).create({
    data: {
      title: fixture.title,
      teaser: `Teaser: ${fixture.title}`,
      kind: 'personal',
      editorialStatus: 'approved',
      ...(region && { region }),
      ...(themes.length && { themes }),
      ...(project && { project }),
      ...fixture.data,
    } as never,
  });
  if (fixture.publish !== false) await strapi.documents(STORY).publish({ documentId: draft.documentId });
  return draft.documentId;
}

export async function createProject(strapi: Core.Strapi, name: string, data: Record<string, unknown> = {}) {
  const project = await strapi.documents('api::project.project').create({ data: { name, organisation: `${name} e. V.`, ...data } as never });
  await strapi.documents('api::project.project').publish({ documentId: project.documentId });
  return project.documentId;
}
