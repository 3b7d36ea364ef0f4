import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { renderDescription } from '../sync/description';
import { loadStory, type StorySnapshot } from '../sync/load-story';
import { recentlyPublished } from './stories';
import { requests, site } from '../dependencies';

const MAX_DESCRIPTION_BYTES = 5000;

/** Shown when no story is published yet, so the preview never stays empty. */
export const SAMPLE_STORY: StorySnapshot = {
  documentId: 'beispiel',
  slug: 'amal-lernt-pflege-in-goettingen',
  title: 'Amal lernt Pflege in Göttingen',
  teaser: 'Vor drei Jahren kam Amal aus Syrien nach Göttingen. Heute macht sie eine Ausbildung zur Pflegefachfrau.',
  kind: 'personal',
  language: 'de',
  youtubeVideoId: null,
  video: null,
  cover: null,
  region: { slug: 'goettingen', name: 'Göttingen' },
  project: { slug: 'pflege-verbindet', name: 'Pflege verbindet' },
  themes: [
    { slug: 'arbeit', name: 'Arbeit' },
    { slug: 'sprache', name: 'Sprache' },
  ],
  credits: [{ name: 'Lena', role: 'Kamera' }],
  captions: [],
  withdrawn: false,
};

const previewSchema = z.object({
  template: z.string().max(4000, 'Die Vorlage darf höchstens 4000 Zeichen haben.'),
  documentId: z.string().min(1).max(64).optional(),
  sample: z.boolean().optional(),
});

/** The description a story would get on YouTube with a template that is not saved yet. */
export async function previewDescription(strapi: Core.Strapi, input: unknown) {
  const { template, documentId, sample } = requests(strapi).parseInput(previewSchema, input, 'Vorschau');
  const chosen = sample ? undefined : documentId ?? (await recentlyPublished(strapi, 1))[0]?.documentId;
  const loaded = chosen ? await loadStory(strapi, chosen) : null;
  const story = loaded?.story ?? SAMPLE_STORY;
  const description = renderDescription(template, story, site(strapi).publicUrl());
  const bytes = Buffer.byteLength(description, 'utf8');
  return {
    description,
    bytes,
    maxBytes: MAX_DESCRIPTION_BYTES,
    // renderDescription cuts at YouTube's limit and ends the text with "…" (3 bytes).
    truncated: bytes > MAX_DESCRIPTION_BYTES - 4 && description.endsWith('…'),
    story: loaded?.story ? { documentId: story.documentId, title: story.title } : null,
  };
}

/** The stories an editor can pick for the preview: the latest published ones. */
export const previewStories = (strapi: Core.Strapi) => recentlyPublished(strapi, 20);
