import type { Core } from '@strapi/strapi';

const STORY = 'api::story.story';

export interface MediaFile {
  id?: number;
  url: string;
  mime: string;
  size: number;
  hash: string;
  ext?: string;
}

export interface StorySnapshot {
  documentId: string;
  slug: string;
  title: string;
  teaser: string | null;
  kind: string;
  language: string | null;
  youtubeVideoId: string | null;
  video: MediaFile | null;
  cover: MediaFile | null;
  region: { slug: string; name: string } | null;
  project: { slug: string; name: string } | null;
  themes: { slug: string; name: string }[];
  credits: { name: string; role?: string | null }[];
  captions: { language: string; file: MediaFile | null }[];
  /** Not to be on YouTube: consent withdrawn for everything or for YouTube. */
  withdrawn: boolean;
}

export type StoryPresence =
  | { presence: 'published'; story: StorySnapshot }
  | { presence: 'unpublished' | 'deleted' | 'withdrawn'; story: StorySnapshot | null };

const POPULATE = {
  region: { fields: ['slug', 'name'] },
  project: { fields: ['slug', 'name'] },
  themes: { fields: ['slug', 'name'], sort: ['slug:asc'] },
  cover: true,
  video: true,
  credits: true,
  captions: { populate: { file: true } },
  consent: { populate: { people: true } },
} as const;

function snapshot(raw: Record<string, unknown>): StorySnapshot {
  const story = raw as unknown as StorySnapshot & {
    editorialStatus?: string;
    consent?: {
      withdrawnAt?: string | null;
      youtubeWithdrawnAt?: string | null;
      people?: { channelYoutube?: boolean | null }[] | null;
    } | null;
  };
  return {
    documentId: story.documentId,
    slug: story.slug,
    title: story.title,
    teaser: story.teaser ?? null,
    kind: story.kind,
    language: story.language ?? null,
    youtubeVideoId: story.youtubeVideoId ?? null,
    video: story.video ?? null,
    cover: story.cover ?? null,
    region: story.region ?? null,
    project: story.project ?? null,
    themes: story.themes ?? [],
    credits: story.credits ?? [],
    captions: story.captions ?? [],
    // Consent withdrawn for everything, or for YouTube only, or never given for YouTube by someone shown: the
    // website may keep the story, YouTube may not.
    withdrawn:
      story.editorialStatus === 'withdrawn' ||
      Boolean(story.consent?.withdrawnAt || story.consent?.youtubeWithdrawnAt) ||
      (story.consent?.people ?? []).some((person) => person.channelYoutube === false),
  };
}

/** What YouTube should reflect: the published version of the story, or why there is none. */
export async function loadStory(strapi: Core.Strapi, documentId: string): Promise<StoryPresence> {
  const documents = strapi.documents(STORY);
  const published = await documents.findOne({ documentId, status: 'published', populate: POPULATE as never });
  if (published) {
    const story = snapshot(published as Record<string, unknown>);
    return story.withdrawn ? { presence: 'withdrawn', story } : { presence: 'published', story };
  }
  const draft = await documents.findOne({ documentId, status: 'draft', populate: POPULATE as never });
  if (!draft) return { presence: 'deleted', story: null };
  const story = snapshot(draft as Record<string, unknown>);
  return { presence: story.withdrawn ? 'withdrawn' : 'unpublished', story };
}
