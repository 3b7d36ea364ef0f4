// Read-only "channel page" for the local demo: what a viewer would see on the fake channel.
// Self-contained HTML (no external fonts, scripts or images).
import type { EmulatorContext } from './context';
import { escapeHtml } from './http';
import { isoDuration } from './resources';
import type { PrivacyStatus, VideoRecord } from './types';

const PRIVACY_LABEL: Record<PrivacyStatus, string> = {
  public: 'Öffentlich',
  unlisted: 'Nicht gelistet',
  private: 'Privat',
};

const CSS = `
  :root { --fg: #0f0f0f; --muted: #606060; --line: #e5e5e5; --accent: #c00; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
  header { padding: 28px 32px 20px; border-bottom: 1px solid var(--line); display: flex; gap: 20px; align-items: center; }
  .avatar { width: 72px; height: 72px; border-radius: 50%; background: var(--accent); color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 20px; }
  h1 { margin: 0; font-size: 26px; } h2 { font-size: 18px; margin: 28px 32px 12px; }
  .sub { color: var(--muted); font-size: 14px; margin-top: 4px; }
  .note { margin: 16px 32px 0; padding: 10px 14px; background: #fff8e1; border: 1px solid #ffe082; border-radius: 8px; font-size: 14px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 20px; padding: 0 32px; }
  .video { border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
  .thumb { aspect-ratio: 16 / 9; background: #e8e8e8; display: grid; place-items: center; color: var(--muted); font-size: 13px; position: relative; }
  .thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
  .duration { position: absolute; right: 6px; bottom: 6px; background: rgba(0,0,0,.8); color: #fff; font-size: 12px; padding: 1px 4px; border-radius: 4px; }
  .meta { padding: 10px 12px 12px; }
  .title { font-weight: 600; font-size: 15px; line-height: 1.3; margin: 0 0 6px; }
  .small { color: var(--muted); font-size: 13px; }
  .badge { display: inline-block; font-size: 12px; border-radius: 4px; padding: 1px 6px; margin-right: 6px; border: 1px solid var(--line); }
  .badge.public { background: #e6f4ea; border-color: #ceead6; } .badge.private { background: #fce8e6; border-color: #fad2cf; }
  .badge.unlisted { background: #e8f0fe; border-color: #d2e3fc; } .badge.locked { background: #333; color: #fff; border-color: #333; }
  .playlist { margin: 0 32px 16px; border: 1px solid var(--line); border-radius: 12px; padding: 12px 16px; }
  .playlist ol { margin: 8px 0 0; padding-left: 22px; } .playlist li { margin: 3px 0; }
  .empty { padding: 0 32px; color: var(--muted); }
  footer { margin: 36px 32px 28px; color: var(--muted); font-size: 12px; }
`;

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
}

function videoCard(ctx: EmulatorContext, v: VideoRecord): string {
  const thumb = ctx.store.thumbnails.has(v.id)
    ? `<img src="/__emulator/thumbnails/${encodeURIComponent(v.id)}?v=${v.thumbnailVersion}" alt="">`
    : '<span>Kein Vorschaubild</span>';
  const locked = v.lockedPrivate ? '<span class="badge locked" title="Von einem nicht geprüften API-Projekt hochgeladen">Gesperrt (privat)</span>' : '';
  return `<article class="video" data-video-id="${escapeHtml(v.id)}">
  <div class="thumb">${thumb}<span class="duration">${escapeHtml(isoDuration(v.durationSeconds).replace(/^PT/, '').toLowerCase())}</span></div>
  <div class="meta"><p class="title">${escapeHtml(v.snippet.title)}</p>
  <div><span class="badge ${v.status.privacyStatus}">${PRIVACY_LABEL[v.status.privacyStatus]}</span>${locked}</div>
  <div class="small">${v.statistics.viewCount.toLocaleString('de-DE')} Aufrufe · ${formatDate(v.publishedAt)} · ID ${escapeHtml(v.id)}</div></div>
</article>`;
}

export function renderChannelPage(ctx: EmulatorContext): string {
  const ch = ctx.store.channel;
  const videos = ctx.store.videosNewestFirst();
  const playlists = [...ctx.store.playlists.values()].reverse();
  const q = ctx.quota.snapshot();
  const initials = ch.title.replace(/[^A-ZÄÖÜ]/g, '').slice(0, 2) || 'YT';
  const videoHtml = videos.length > 0 ? `<div class="grid">${videos.map((v) => videoCard(ctx, v)).join('\n')}</div>` : '<p class="empty">Noch keine Videos.</p>';
  const playlistHtml =
    playlists.length > 0
      ? playlists
          .map((p) => {
            const items = ctx.store.items.get(p.id) ?? [];
            const lis = items
              .map((i) => {
                const v = ctx.store.videos.get(i.videoId);
                return `<li>${v ? escapeHtml(v.snippet.title) : '<em>Gelöschtes Video</em>'}</li>`;
              })
              .join('');
            return `<section class="playlist" data-playlist-id="${escapeHtml(p.id)}"><strong>${escapeHtml(p.snippet.title)}</strong>
  <span class="badge ${p.status.privacyStatus}">${PRIVACY_LABEL[p.status.privacyStatus]}</span>
  <span class="small">${items.length} Videos</span>${items.length > 0 ? `<ol>${lis}</ol>` : ''}</section>`;
          })
          .join('\n')
      : '<p class="empty">Noch keine Playlists.</p>';
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(ch.title)} – YouTube-Emulator</title><style>${CSS}</style></head>
<body>
<header><div class="avatar">${escapeHtml(initials)}</div><div><h1>${escapeHtml(ch.title)}</h1>
<div class="sub">${videos.length} Videos · ${playlists.length} Playlists · Kanal-ID ${escapeHtml(ch.id)}</div>
<div class="sub">${escapeHtml(ch.description)}</div></div></header>
<p class="note">Dies ist der <strong>lokale YouTube-Emulator</strong>. Nichts auf dieser Seite ist auf YouTube veröffentlicht.</p>
<h2>Videos</h2>
${videoHtml}
<h2>Playlists</h2>
${playlistHtml}
<footer>Kontingent (Pacific-Tag ${escapeHtml(q.day)}): ${q.unitsUsed.toLocaleString('de-DE')} / ${q.dailyUnits.toLocaleString('de-DE')} Einheiten,
${q.uploadsUsed} / ${q.dailyUploads} Uploads (Modell „${q.model}“) · Zurückgesetzt um ${escapeHtml(new Date(q.resetsAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }))} Uhr (Berlin)</footer>
</body></html>`;
}

/** A neutral placeholder for videos without a custom thumbnail, served by the emulator. */
export function placeholderSvg(title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720"><rect width="1280" height="720" fill="#e8e8e8"/><polygon points="590,300 590,420 700,360" fill="#9e9e9e"/><text x="640" y="520" font-family="sans-serif" font-size="40" text-anchor="middle" fill="#606060">${escapeHtml(title.slice(0, 60))}</text></svg>`;
}

export function avatarSvg(title: string): string {
  const initials = title.replace(/[^A-ZÄÖÜ]/g, '').slice(0, 2) || 'YT';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240"><circle cx="120" cy="120" r="120" fill="#cc0000"/><text x="120" y="145" font-family="sans-serif" font-size="80" font-weight="700" text-anchor="middle" fill="#fff">${escapeHtml(initials)}</text></svg>`;
}
