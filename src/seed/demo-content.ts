import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';
import { recordAudit } from '../plugins/submissions/server/src/review/audit';
import { creditsFor, paragraphs, teaserOf } from '../plugins/submissions/server/src/intake/story-data';

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
interface DemoSubmission {
  referenceNumber: string;
  title: string;
  story: string[];
  region: string;
  themes: string[];
  editorialStatus: 'submitted' | 'in_review' | 'rejected';
  submittedDaysAgo: number;
  credit: 'full' | 'first-name' | 'organisation' | 'anonymous';
  needsFilmingHelp?: boolean;
  needsEquipment?: boolean;
  submitter: { name: string; email: string; organisation?: string };
  people: { nameOrRole: string; minor?: boolean }[];
  video?: string;
}

const STORY = 'api::story.story';
const VIDEO_DIR = path.resolve(process.cwd(), 'database', 'seed', 'demo-videos');
const DEMO_VIDEOS = ['demo-1.mp4', 'demo-2.mp4', 'demo-3.mp4'];
/** Every fourth demo story carries a short clip, so the sync has something to upload to the YouTube emulator. */
const videoFor = (index: number) => (index % 4 === 0 ? DEMO_VIDEOS[(index / 4) % DEMO_VIDEOS.length] : null);
const DAY_MS = 24 * 3600 * 1000;
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

/**
 * A cover in the alliance's colours with the story's title, drawn locally (no image is downloaded). 1280 × 720 is
 * enough for every copy the site serves (the widest, 1080, is cover-variants' largest): a larger drawing would only
 * cost the seeding time, 36 times over.
 */
async function coverImage(story: DemoStory, index: number, regionName: string, directory: string): Promise<string> {
  const colour = PALETTE[index % PALETTE.length];
  const lines = wrap(story.title, 28)
    .map((l, i) => `<text x="80" y="${330 + i * 84}" font-size="68" font-weight="700" fill="#fff" font-family="DejaVu Sans, sans-serif">${escapeXml(l)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1600 900">
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

async function uploadFile(strapi: Core.Strapi, file: string, mimetype: string, alternativeText: string) {
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: path.basename(file), alternativeText } },
      files: { filepath: file, originalFilename: path.basename(file), mimetype, size: fs.statSync(file).size },
    });
  return uploaded.id as number;
}

/** Uploads a copy: the upload service moves its input away, and the demo clips must stay in the repository. */
async function uploadDemoVideo(strapi: Core.Strapi, name: string, directory: string, alternativeText: string) {
  const copy = path.join(directory, name);
  fs.copyFileSync(path.join(VIDEO_DIR, name), copy);
  return uploadFile(strapi, copy, 'video/mp4', alternativeText);
}

const blocks = (texts: string[]) => texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

/**
 * A few submissions waiting in the editors' queue ("Einreichungen"): new, in review (one with a minor whose
 * guardians are missing, so the publish gate has something to say), and one rejected.
 */
async function seedDemoSubmissions(strapi: Core.Strapi, regions: Map<string, { documentId: string }>, themes: Map<string, { documentId: string }>, directory: string) {
  const submissions = readSeedFile<DemoSubmission[]>('demo-submissions.json');
  const need = (map: Map<string, { documentId: string }>, slug: string) => {
    const row = map.get(slug);
    if (!row) throw new Error(`demo-submissions.json names an unknown slug "${slug}"`);
    return row.documentId;
  };
  for (const submission of submissions) {
    const submittedAt = new Date(Date.now() - submission.submittedDaysAgo * DAY_MS);
    const text = submission.story.join('\n\n');
    const video = submission.video ? await uploadDemoVideo(strapi, submission.video, directory, `Video: ${submission.title}`) : undefined;
    const created = await strapi.documents(STORY).create({
      data: {
        title: submission.title,
        teaser: teaserOf(text),
        body: paragraphs(text),
        kind: 'personal',
        region: need(regions, submission.region),
        themes: submission.themes.map((slug) => need(themes, slug)),
        ...(video && { video }),
        credits: creditsFor(submission.credit, submission.submitter),
        submitter: submission.submitter,
        consent: {
          consentedBy: submission.submitter.name,
          consentedAt: submittedAt.toISOString(),
          textVersion: 'demo-2026-01',
          minorsShown: submission.people.some((person) => person.minor),
          people: submission.people,
          peopleAgreed: true,
          rightsConfirmed: true,
          termsAccepted: true,
          privacyAccepted: true,
        },
        editorialStatus: 'submitted',
        referenceNumber: submission.referenceNumber,
        submittedAt: submittedAt.toISOString(),
        submissionSource: 'form',
        creditPreference: submission.credit,
        needsFilmingHelp: submission.needsFilmingHelp ?? false,
        needsEquipment: submission.needsEquipment ?? false,
      } as never,
    });
    await recordAudit(strapi, {
      storyDocumentId: created.documentId,
      referenceNumber: submission.referenceNumber,
      action: 'submitted',
      actor: submission.submitter.name,
      actorType: 'submitter',
      at: submittedAt,
    });
    const moves = submission.editorialStatus === 'submitted' ? [] : submission.editorialStatus === 'in_review' ? ['in_review'] : ['in_review', 'rejected'];
    for (const status of moves) await strapi.documents(STORY).update({ documentId: created.documentId, data: { editorialStatus: status } as never });
  }
  return submissions.length;
}

async function idsBySlug(strapi: Core.Strapi, uid: 'api::region.region' | 'api::theme.theme' | 'api::project.project') {
  const rows: { slug: string; documentId: string; name: string }[] = await strapi.db.query(uid).findMany({ select: ['slug', 'documentId', 'name'] });
  return new Map(rows.map((r) => [r.slug, r]));
}

/**
 * Seeds the demo's projects, published stories (generated covers, some with a short clip) and a few submissions in
 * the review queue. Reports progress per story.
 */
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
      const cover = await uploadFile(strapi, await coverImage(story, index, regionName, directory), 'image/jpeg', `Titelbild: ${story.title}`);
      const clip = videoFor(index);
      const video = clip ? await uploadDemoVideo(strapi, clip, directory, `Video: ${story.title}`) : undefined;
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
          ...(video && { video }),
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
    const submitted = await seedDemoSubmissions(strapi, regions, themes, directory);
    return { projects: projects.length, stories: stories.length, submissions: submitted };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
