import type { Core } from '@strapi/strapi';
import { escapeHtml, renderPage } from '../site/layout';
import { NO_INDEX, STYLESHEET } from './head';
import { renderStoryNotFound } from './problem-pages';
import { findStory } from './public-data';
import { MASTODON_PATH, shareText } from './share-links';

/**
 * /teilen/mastodon?geschichte=<slug>[&instanz=<host>]: Mastodon has no central share address, so the visitor names
 * their instance and gets a plain link to that instance's share form with the story's title and address. The page
 * shows the link rather than redirecting, so that no one can use this address to send people to a site of their
 * choosing. Only a story the public may see can be shared (the public API's answer, through the visibility rule).
 */

export type MastodonAnswer = { status: 200 | 400 | 404; html: string };

/** A host name as people type it: "mastodon.social", "https://chaos.social/", or a handle "@name@norden.social". */
export function instanceHost(input: string): string | null {
  const host = input.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '').split('@').pop()?.toLowerCase() ?? '';
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  return new RegExp(`^(?:${label}\\.)+[a-z][a-z0-9-]{1,62}$`).test(host) && host.length <= 253 ? host : null;
}

interface PageState {
  storyTitle: string;
  slug: string;
  /** What the visitor typed (or the host it named). */
  instance: string;
  /** The link to the instance, or why the input is not one. */
  outcome?: string;
  invalid?: boolean;
  button: string;
}

function page({ storyTitle, slug, instance, outcome = '', invalid = false, button }: PageState): string {
  return renderPage({
    title: 'Bei Mastodon teilen',
    head: `${STYLESHEET}\n${NO_INDEX}`,
    main: `<div class="story-problem">
<h1>Bei Mastodon teilen</h1>
<p>Geschichte: <a href="/geschichten/${encodeURIComponent(slug)}">${escapeHtml(storyTitle)}</a></p>
<p>Mastodon besteht aus vielen Servern (Instanzen). Nennen Sie uns Ihre – wir speichern sie nicht.</p>
${outcome}
<form class="share-instance" method="get" action="${MASTODON_PATH}">
<input type="hidden" name="geschichte" value="${escapeHtml(slug)}">
<label for="instanz">Ihre Mastodon-Instanz</label>
<p class="share-instance__hint" id="instanz-hinweis">zum Beispiel <span lang="en">mastodon.social</span> oder Ihr Name <span lang="en">@name@norden.social</span></p>
<input type="text" id="instanz" name="instanz" value="${escapeHtml(instance)}" inputmode="url" autocomplete="off" spellcheck="false" required aria-describedby="instanz-hinweis"${invalid ? ' aria-invalid="true"' : ''}>
<button type="submit" class="button">${button}</button>
</form>
</div>`,
  });
}

export async function mastodonAnswer(strapi: Core.Strapi, query: Record<string, unknown>): Promise<MastodonAnswer> {
  const slug = typeof query.geschichte === 'string' ? query.geschichte : '';
  const story = slug ? await findStory(strapi, slug) : null;
  if (!story) return { status: 404, html: renderStoryNotFound() };
  const typed = typeof query.instanz === 'string' ? query.instanz : '';
  if (!typed.trim()) return { status: 200, html: page({ storyTitle: story.body.title, slug, instance: '', button: 'Weiter' }) };
  const host = instanceHost(typed);
  if (!host) {
    const warning = `<div class="notice notice--warning" role="alert"><p>„${escapeHtml(typed)}“ ist keine Adresse einer Instanz. Bitte geben Sie den Namen des Servers ein, etwa <span lang="en">mastodon.social</span>.</p></div>`;
    return { status: 400, html: page({ storyTitle: story.body.title, slug, instance: typed, outcome: warning, invalid: true, button: 'Weiter' }) };
  }
  const href = `https://${host}/share?text=${encodeURIComponent(shareText(story.body))}`;
  const link = `<p><a class="button button--primary" href="${escapeHtml(href)}" rel="noopener noreferrer">Weiter zu ${escapeHtml(host)}</a></p>`;
  return { status: 200, html: page({ storyTitle: story.body.title, slug, instance: host, outcome: link, button: 'Andere Instanz wählen' }) };
}
