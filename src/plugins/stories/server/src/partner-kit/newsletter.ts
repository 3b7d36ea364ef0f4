import { escapeHtml } from '../site/layout';
import type { PublicCover, PublicStory } from '../public-api/serialize';
import { shorten } from '../story-pages/format';
import { ACTION, ALLIANCE, CALL, CLAIM, INVITATION } from './call';
import { BLUE, INK, MUTED, RED, RED_DARK, WHITE } from './colours';

/**
 * The newsletter block: the newest stories of a selection as HTML that e-mail programs show as meant — nested
 * tables, inline styles only, absolute addresses, alt texts, no script, no stylesheet, no tracking pixel — and the
 * same as plain text for the text part of a newsletter.
 */

export interface NewsletterInput {
  title: string;
  stories: PublicStory[];
  /** Absolute addresses of the form (with the partner's source name) and of the selection's list page. */
  joinUrl: string;
  listUrl: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const IMAGE_WIDTH = 560;

function thumbnail(cover: PublicCover) {
  return cover.sizes.find((size) => size.width >= IMAGE_WIDTH) ?? cover.sizes[cover.sizes.length - 1] ?? { url: cover.url, width: cover.width, height: cover.height };
}

function storyRow(story: PublicStory): string {
  const link = escapeHtml(story.link);
  const image = story.cover ? thumbnail(story.cover) : null;
  const height = image?.width && image.height ? Math.round((IMAGE_WIDTH * image.height) / image.width) : null;
  const picture = image
    ? `<a href="${link}"><img src="${escapeHtml(image.url)}" width="${IMAGE_WIDTH}"${height ? ` height="${height}"` : ''} alt="${escapeHtml(story.cover?.alternativeText || story.title)}" style="display:block;width:100%;max-width:${IMAGE_WIDTH}px;height:auto;border:0;margin:0 0 12px 0;"></a>`
    : '';
  const teaser = story.teaser || story.bodyText;
  const region = story.region ? `<p style="${FONT}margin:0 0 8px 0;font-size:13px;line-height:18px;color:${MUTED};">${escapeHtml(story.region.name)}</p>` : '';
  return `<tr><td style="padding:20px 20px 16px 20px;border-bottom:1px solid #d5dce3;">
${picture}<h3 style="${FONT}margin:0 0 6px 0;font-size:19px;line-height:25px;font-weight:bold;"><a href="${link}" style="color:${BLUE};text-decoration:none;">${escapeHtml(story.title)}</a></h3>
${region}${teaser ? `<p style="${FONT}margin:0 0 10px 0;font-size:15px;line-height:22px;color:${INK};">${escapeHtml(shorten(teaser, 220))}</p>` : ''}
<p style="${FONT}margin:0;font-size:15px;line-height:22px;"><a href="${link}" style="color:${BLUE};font-weight:bold;">Geschichte ansehen</a></p>
</td></tr>`;
}

const EMPTY = `<tr><td style="${FONT}padding:20px;font-size:15px;line-height:22px;color:${INK};">Zu dieser Auswahl gibt es noch keine Geschichte – vielleicht bald Ihre?</td></tr>`;

export function newsletterHtml(input: NewsletterInput): string {
  const join = escapeHtml(input.joinUrl);
  return `<!-- ${CLAIM} – Newsletter-Baustein. Einfach so in den HTML-Bereich Ihres Newsletters einfügen. -->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">
<tr><td align="center" style="padding:0;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;max-width:600px;background:${WHITE};border:1px solid #d5dce3;">
<tr><td style="background:${BLUE};padding:18px 20px;border-bottom:4px solid ${RED};">
<p style="${FONT}margin:0;font-size:22px;line-height:28px;font-weight:bold;color:${WHITE};letter-spacing:1px;">${CLAIM}</p>
<p style="${FONT}margin:4px 0 0 0;font-size:16px;line-height:22px;color:${WHITE};">${escapeHtml(input.title)}</p>
</td></tr>
${input.stories.length ? input.stories.map(storyRow).join('\n') : EMPTY}
<tr><td style="background:#f2f5f8;padding:20px;">
<p style="${FONT}margin:0 0 8px 0;font-size:19px;line-height:25px;font-weight:bold;color:${BLUE};">${CALL}</p>
<p style="${FONT}margin:0 0 16px 0;font-size:15px;line-height:22px;color:${INK};">${escapeHtml(INVITATION)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="background:${RED_DARK};border-radius:6px;">
<a href="${join}" style="${FONT}display:inline-block;padding:12px 22px;font-size:16px;font-weight:bold;color:${WHITE};text-decoration:none;">${ACTION}</a>
</td></tr></table>
</td></tr>
<tr><td style="${FONT}padding:14px 20px;font-size:13px;line-height:18px;color:${MUTED};">Ein Angebot des Bündnisses „${ALLIANCE}“ · <a href="${escapeHtml(input.listUrl)}" style="color:${BLUE};">Alle Geschichten</a></td></tr>
</table>
</td></tr>
</table>
`;
}

export function newsletterText(input: NewsletterInput): string {
  const stories = input.stories.length
    ? input.stories.map((story) => {
        const teaser = story.teaser || story.bodyText;
        return [story.title, ...(story.region ? [story.region.name] : []), ...(teaser ? [shorten(teaser, 220)] : []), `Geschichte ansehen: ${story.link}`].join('\n');
      })
    : ['Zu dieser Auswahl gibt es noch keine Geschichte – vielleicht bald Ihre?'];
  return [
    `${CLAIM} – ${input.title}`,
    ...stories,
    `${CALL}\n${INVITATION}\n${ACTION}: ${input.joinUrl}`,
    `Ein Angebot des Bündnisses „${ALLIANCE}“ · Alle Geschichten: ${input.listUrl}`,
  ].join('\n\n') + '\n';
}
