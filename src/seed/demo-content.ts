import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';

interface DemoProject {
  slug: string;
  name: string;
  organisation: string;
  description: string;
  website: string;
  regions: string[];
  themes: string[];
}
interface DemoStory {
  slug: string;
  title: string;
  teaser: string;
  body: string[];
  kind: 'personal' | 'project';
  region: string;
  themes: string[];
  project: string | null;
  language: string;
  recordedOn: string;
  publishedOn: string;
  place: string;
  credits: { name: string; role: string }[];
}

const STORY = 'api::story.story';
const PALETTE = ['#c8102e', '#005ea8', '#00843d', '#f39200', '#6f2c91', '#0097a7'];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line.trim());
      line = word;
    } else line += ` ${word}`;
  }
  if (line.trim()) lines.push(line.trim());
  return lines.slice(0, 3);
}

/** A cover in the alliance's colours with the story's title, drawn locally (no image is downloaded). */
async function coverImage(story: DemoStory, index: number, regionName: string, directory: string): Promise<string> {
  const colour = PALETTE[index % PALETTE.length];
  const lines = wrap(story.title, 28)
    .map((l, i) => `<text x="80" y="${330 + i * 84}" font-size="68" font-weight="700" fill="#fff" font-family="DejaVu Sans, sans-serif">${escapeXml(l)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#1d1d1b"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    <circle cx="1380" cy="160" r="260" fill="#ffffff" opacity="0.08"/>
    <text x="80" y="150" font-size="44" font-weight="700" fill="#fff" font-family="DejaVu Sans, sans-serif">ZUSAMMEN. MEHR.</text>
    ${lines}
    <text x="80" y="800" font-size="40" fill="#fff" opacity="0.85" font-family="DejaVu Sans, sans-serif">${escapeXml(`${story.place} · ${regionName}`)}</text>
  </svg>`;
  const file = path.join(directory, `${story.slug}.jpg`);
  await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toFile(file);
  return file;
}

async function uploadImage(strapi: Core.Strapi, file: string, alternativeText: string) {
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: path.basename(file), alternativeText } },
      files: { filepath: file, originalFilename: path.basename(file), mimetype: 'image/jpeg', size: fs.statSync(file).size },
    });
  return uploaded.id as number;
}

const blocks = (paragraphs: string[]) => paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

async function idsBySlug(strapi: Core.Strapi, uid: 'api::region.region' | 'api::theme.theme' | 'api::project.project') {
  const rows: { slug: string; documentId: string; name: string }[] = await strapi.db.query(uid).findMany({ select: ['slug', 'documentId', 'name'] });
  return new Map(rows.map((r) => [r.slug, r]));
}

/** Seeds the demo's projects and published stories with generated covers. Reports progress per story. */
export async function seedDemoContent(strapi: Core.Strapi, onProgress: (done: number, total: number) => void = () => {}) {
  const projects = readSeedFile<DemoProject[]>('demo-projects.json');
  const stories = readSeedFile<DemoStory[]>('demo-stories.json');
  const regions = await idsBySlug(strapi, 'api::region.region');
  const themes = await idsBySlug(strapi, 'api::theme.theme');
  const need = (map: Map<string, { documentId: string }>, slug: string) => {
    const row = map.get(slug);
    if (!row) throw new Error(`demo data names an unknown slug "${slug}"`);
    return row.documentId;
  };

  for (const project of projects) {
    const created = await strapi.documents('api::project.project').create({
      data: {
        slug: project.slug,
        name: project.name,
        organisation: project.organisation,
        description: blocks([project.description]),
        website: project.website,
        regions: project.regions.map((s) => need(regions, s)),
        themes: project.themes.map((s) => need(themes, s)),
      } as never,
    });
    await strapi.documents('api::project.project').publish({ documentId: created.documentId });
  }
  const projectIds = await idsBySlug(strapi, 'api::project.project');

  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-demo-covers-'));
  try {
    for (const [index, story] of stories.entries()) {
      const regionName = regions.get(story.region)?.name ?? story.region;
      const cover = await uploadImage(strapi, await coverImage(story, index, regionName, directory), `Titelbild: ${story.title}`);
      const created = await strapi.documents(STORY).create({
        data: {
          slug: story.slug,
          title: story.title,
          teaser: story.teaser,
          body: blocks(story.body),
          kind: story.kind,
          region: need(regions, story.region),
          themes: story.themes.map((s) => need(themes, s)),
          ...(story.project && { project: need(projectIds, story.project) }),
          language: story.language,
          recordedOn: story.recordedOn,
          place: story.place,
          credits: story.credits,
          cover,
          // Approved with a complete consent record, as the publish gate requires (review/consent-completeness.ts).
          editorialStatus: 'approved',
          consent: {
            consentedBy: 'Demo-Daten',
            consentedAt: `${story.recordedOn}T12:00:00.000Z`,
            textVersion: 'demo-2026-01',
            people: [{ nameOrRole: 'Erzählende Person (Demo)' }],
          },
        } as never,
      });
      await strapi.documents(STORY).publish({ documentId: created.documentId });
      // The demo shows a year of work: date the publication as the data says, not "now".
      await strapi.db
        .query(STORY)
        .updateMany({ where: { documentId: created.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: `${story.publishedOn}T09:00:00.000Z` } });
      onProgress(index + 1, stories.length);
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  return { projects: projects.length, stories: stories.length };
}
