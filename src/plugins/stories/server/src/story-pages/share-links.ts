import { escapeHtml } from '../site/layout';

/**
 * Sharing a story without trackers: plain links that open the network's own share form with the story's canonical
 * address — no script of theirs on our page, nothing requested before the click, no tracking parameters. The partner
 * widget (public/embed/stories.js, SHARE_TARGETS) builds the same links in the same order.
 *
 * Signal documents no link that carries a text to share (signal.me links open a chat with a number or username), so
 * it is reached through the browser's own share sheet (the Web Share API button, public/assets/share.js). Mastodon has
 * no instance-independent share address either; rather than a third party's redirector, the link leads to our own
 * page where the visitor names their instance (/teilen/mastodon, mastodon-page.ts).
 */

export interface ShareLink {
  /** The network's name, shown as the link's text. */
  name: string;
  href: string;
  /** Whether the link leaves the site (opened in a new tab, without referrer). */
  external: boolean;
}

export interface Shareable {
  title: string;
  slug: string;
  /** The story's canonical address. */
  link: string;
}

const e = encodeURIComponent;

export const MASTODON_PATH = '/teilen/mastodon';

export const mastodonHref = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/$/, '')}${MASTODON_PATH}?geschichte=${e(slug)}`;

/** The text a post starts with: the title, then the address. */
export const shareText = (story: Shareable) => `${story.title} ${story.link}`;

export function shareLinks(story: Shareable, publicUrl: string): ShareLink[] {
  const { title, link } = story;
  return [
    { name: 'E-Mail', href: `mailto:?subject=${e(title)}&body=${e(`${title}\n\n${link}`)}`, external: false },
    { name: 'WhatsApp', href: `https://wa.me/?text=${e(shareText(story))}`, external: true },
    { name: 'Telegram', href: `https://t.me/share/url?url=${e(link)}&text=${e(title)}`, external: true },
    { name: 'Mastodon', href: mastodonHref(publicUrl, story.slug), external: false },
    { name: 'Bluesky', href: `https://bsky.app/intent/compose?text=${e(shareText(story))}`, external: true },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${e(link)}`, external: true },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${e(link)}`, external: true },
    { name: 'X', href: `https://x.com/intent/post?text=${e(title)}&url=${e(link)}`, external: true },
  ];
}

function shareAnchor(link: ShareLink, title: string): string {
  const target = link.external ? ' target="_blank" rel="noopener noreferrer"' : '';
  const hint = link.external ? ' (neues Fenster)' : '';
  return `<a class="share__link" href="${escapeHtml(link.href)}"${target}>${escapeHtml(link.name)}<span class="visually-hidden">: „${escapeHtml(title)}“ teilen${hint}</span></a>`;
}

/**
 * The story page's share box. The "Teilen" button opens the device's share sheet (every installed app, Signal
 * included); it stays hidden until share.js finds the Web Share API.
 */
export function shareSection(story: Shareable, publicUrl: string): string {
  const items = shareLinks(story, publicUrl)
    .map((link) => `<li>${shareAnchor(link, story.title)}</li>`)
    .join('');
  return `<section class="share" id="teilen" aria-labelledby="teilen-titel">
<h2 id="teilen-titel" class="share__title">Geschichte teilen</h2>
<button type="button" class="button share__native" data-share-title="${escapeHtml(story.title)}" data-share-url="${escapeHtml(story.link)}" hidden>Teilen</button>
<ul class="share__links" role="list">${items}</ul>
</section>`;
}
