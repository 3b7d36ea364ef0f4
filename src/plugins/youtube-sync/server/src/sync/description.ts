import type { StorySnapshot } from './load-story';

/** YouTube refuses `<` and `>` in titles and descriptions; angle quotes read the same to a person. */
export const youtubeSafe = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

const MAX_DESCRIPTION_BYTES = 5000;
const MAX_TAG_CHARS = 500;

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = text;
  while (Buffer.byteLength(`${out}…`, 'utf8') > max) out = out.slice(0, -1);
  return `${out}…`;
}

export function storyLink(publicUrl: string, story: StorySnapshot) {
  return `${publicUrl.replace(/\/$/, '')}/geschichten/${story.slug}`;
}

/** Fills the office's template: {title} {teaser} {region} {project} {project_line} {themes} {credits} {link}. */
export function renderDescription(template: string, story: StorySnapshot, publicUrl: string): string {
  const values: Record<string, string> = {
    title: story.title,
    teaser: story.teaser ?? '',
    region: story.region?.name ?? '',
    project: story.project?.name ?? '',
    project_line: story.project ? `Projekt: ${story.project.name}` : '',
    themes: story.themes.map((t) => t.name).join(', '),
    credits: story.credits.length ? `Mitwirkende: ${story.credits.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join(', ')}` : '',
    link: storyLink(publicUrl, story),
  };
  const text = template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all).replace(/\n{3,}/g, '\n\n').trim();
  return truncateBytes(youtubeSafe(text), MAX_DESCRIPTION_BYTES);
}

/** YouTube counts a tag with a space as its length plus two quotes, and separating commas; stay under 500. */
export function buildTags(story: StorySnapshot, marker: string): string[] {
  const wanted = [marker, 'ZUSAMMEN. MEHR.', 'Niedersachsen packt an', 'Integration', story.region?.name, ...story.themes.map((t) => t.name), story.project?.name];
  const tags: string[] = [];
  let length = 0;
  for (const tag of wanted) {
    if (!tag) continue;
    const clean = youtubeSafe(tag).replace(/,/g, ' ').slice(0, 100);
    const cost = clean.length + (clean.includes(' ') ? 2 : 0) + (tags.length ? 1 : 0);
    if (length + cost > MAX_TAG_CHARS) break;
    tags.push(clean);
    length += cost;
  }
  return tags;
}

export const uploadMarker = (documentId: string) => `zm-${documentId}`;
