/*
 * `npm run bench:sync`: 500 stories that link videos already on the channel plus 20 with uploads, synced against
 * the YouTube emulator. Prints the quota units spent against the minimum YouTube's published costs allow for that
 * work (computed from the seeded stories, not from the calls made), the wall time, and what a second full re-sync
 * of the unchanged catalogue spends. Last line: one JSON object (names are read by other tools).
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { seedChannelVideos, startEmulator } from '../src/youtube-emulator';
import { loadStrapi } from './load-strapi';
import { benchEnvironment, progress } from './bench/environment';

const LINKED = 500;
const UPLOADS = 20;
const REGIONS = ['goettingen', 'emden', 'cuxhaven', 'region-hannover', 'lueneburg', 'osnabrueck', 'stade', 'celle'];
const THEMES = ['sprache', 'schule', 'ausbildung', 'arbeit', 'kultur', 'sport', 'ehrenamt-und-vereine', 'nachbarschaft'];
const COST = { update: 50, playlistInsert: 50, playlistItemInsert: 50 };

interface Planned {
  region: string;
  themes: string[];
  youtubeVideoId?: string;
  upload?: boolean;
}

function plan(videoIds: string[]): Planned[] {
  const stories: Planned[] = [];
  for (let i = 0; i < LINKED + UPLOADS; i++) {
    const themes = [THEMES[i % THEMES.length], ...(i % 3 === 0 ? [THEMES[(i + 3) % THEMES.length]] : [])];
    stories.push({ region: REGIONS[i % REGIONS.length], themes, ...(i < LINKED ? { youtubeVideoId: videoIds[i] } : { upload: true }) });
  }
  return stories;
}

/** The least YouTube's costs allow: per linked video one videos.update; uploads carry their metadata (and in the
 * current model draw on the upload allowance, not units); one playlistItems.insert per membership; one
 * playlists.insert per playlist that must exist. */
function minimumUnits(stories: Planned[]): number {
  const playlists = new Set<string>(['channel']);
  let units = 0;
  for (const s of stories) {
    if (s.youtubeVideoId) units += COST.update;
    const keys = ['channel', `region:${s.region}`, ...s.themes.map((t) => `theme:${t}`)];
    keys.forEach((k) => playlists.add(k));
    units += keys.length * COST.playlistItemInsert;
  }
  return units + playlists.size * COST.playlistInsert;
}

async function createStories(strapi: Core.Strapi, stories: Planned[]) {
  const ids = async (uid: 'api::region.region' | 'api::theme.theme') =>
    new Map((await strapi.db.query(uid).findMany({ select: ['slug', 'documentId'] })).map((r: { slug: string; documentId: string }) => [r.slug, r.documentId]));
  const regions = await ids('api::region.region');
  const themes = await ids('api::theme.theme');
  const uploadsDir = path.join(strapi.dirs.static.public, 'uploads');
  for (const [i, s] of stories.entries()) {
    let video: number | undefined;
    if (s.upload) {
      const hash = `bench_${crypto.randomBytes(6).toString('hex')}`;
      const bytes = crypto.randomBytes(512 * 1024);
      fs.writeFileSync(path.join(uploadsDir, `${hash}.mp4`), bytes);
      const file = await strapi.db.query('plugin::upload.file').create({
        data: { name: `${hash}.mp4`, hash, ext: '.mp4', mime: 'video/mp4', size: bytes.length / 1000, url: `/uploads/${hash}.mp4`, provider: 'local' },
      });
      video = file.id;
    }
    const draft = await strapi.documents('api::story.story').create({
      data: {
        title: `Geschichte ${i + 1}`,
        teaser: `Eine Geschichte gelungener Integration, Nummer ${i + 1}.`,
        region: regions.get(s.region),
        themes: s.themes.map((t) => themes.get(t)),
        // Approved with a complete consent record: the publish gate lets nothing else through.
        editorialStatus: 'approved',
        consent: { consentedBy: 'Benchmark', consentedAt: '2026-01-01T10:00:00.000Z', textVersion: 'bench', people: [{ nameOrRole: 'Erzählende Person' }] },
        ...(s.youtubeVideoId && { youtubeVideoId: s.youtubeVideoId }),
        ...(video && { video }),
      } as never,
    });
    await strapi.documents('api::story.story').publish({ documentId: draft.documentId });
    progress('Seeding stories', i + 1, stories.length);
  }
}

const writeUnits = (calls: { endpoint: string; units: number }[]) =>
  calls.filter((c) => !c.endpoint.endsWith('.list')).reduce((sum, c) => sum + c.units, 0);

async function main() {
  const emulator = await startEmulator({ port: 0, dailyUploads: 10_000, dailyUnits: 10_000_000 });
  const env = benchEnvironment('sync', {
    YOUTUBE_API_ROOT: `${emulator.url}/`,
    YOUTUBE_TOKEN_URL: emulator.tokenUrl,
    YOUTUBE_CLIENT_ID: 'emulator-client-id',
    YOUTUBE_CLIENT_SECRET: 'emulator-client-secret',
    YOUTUBE_REFRESH_TOKEN: 'emulator-refresh-token',
  });
  const videoIds = await seedChannelVideos(emulator, LINKED);
  const stories = plan(videoIds);
  const strapi = await loadStrapi();
  try {
    await createStories(strapi, stories);
    const sync = strapi.plugin('youtube-sync').service('sync');
    emulator.clearCalls();
    const started = process.hrtime.bigint();
    const first = await sync.drain();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const firstCalls = emulator.calls();
    const quotaUnits = firstCalls.reduce((sum, c) => sum + c.units, 0);

    emulator.clearCalls();
    const documentIds: string[] = (await strapi.db.query('plugin::youtube-sync.sync-state').findMany({ select: ['storyDocumentId'] })).map(
      (r: { storyDocumentId: string }) => r.storyDocumentId
    );
    for (const id of documentIds) await sync.enqueue(id, 'bench re-sync');
    await sync.drain();
    const resyncCalls = emulator.calls();

    const minimum = minimumUnits(stories);
    const result = {
      stories: stories.length,
      quotaUnits,
      minimumUnits: minimum,
      quotaRatio: Number((quotaUnits / minimum).toFixed(3)),
      resyncWriteUnits: writeUnits(resyncCalls),
      resyncUnits: resyncCalls.reduce((sum, c) => sum + c.units, 0),
      seconds: Number(seconds.toFixed(2)),
    };
    console.log(`Synced ${first.processed} stories (${LINKED} linked, ${UPLOADS} uploaded) in ${result.seconds} s: ${JSON.stringify(first.results)}`);
    console.log(`Quota: ${quotaUnits} units spent, ${minimum} the least YouTube's costs allow → ratio ${result.quotaRatio}`);
    console.log(`Uploads drawn from the upload allowance: ${firstCalls.reduce((s, c) => s + c.uploads, 0)}`);
    console.log(`Full re-sync of the unchanged catalogue: ${result.resyncUnits} units, of which ${result.resyncWriteUnits} for writes`);
    console.log(JSON.stringify(result));
  } finally {
    await strapi.destroy();
    await emulator.close();
    env.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
