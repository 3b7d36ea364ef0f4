import { escapeHtml, renderPage } from '../site/layout';
import { DEFAULT_LIMIT, MAX_LIMIT, type EmbedParams } from './params';

/**
 * The iframe page: the shared page shell around one element that the partner widget (src/plugins/stories/widget/stories.js) renders into, configured
 * through the same data attributes a partner would write; frame.js reports the page's height to the partner page.
 * Links open in a new tab, so that a click does not load the alliance's site inside the partner's frame.
 */

const FRAME_HEAD = ['<meta name="robots" content="noindex">', '<base target="_blank">', '<link rel="stylesheet" href="/embed/frame.css">'];

/** The widget from its content-named address: the page is ours, so it needs no loader in between. */
function widgetScript(params: EmbedParams, widgetPath: string): string {
  const attributes: [string, string | undefined][] = [
    ['data-target', '#stories'],
    ['data-region', params.region],
    ['data-theme', params.theme],
    ['data-project', params.project],
    ['data-limit', String(params.limit)],
    ['data-lang', params.lang],
  ];
  const data = attributes
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<script src="${escapeHtml(widgetPath)}"${data} defer></script>`;
}

export function embedPage(params: EmbedParams, widgetPath: string): string {
  return renderPage({
    title: params.lang === 'en' ? 'Stories' : 'Geschichten',
    main: '<div id="stories" class="embed-stories"></div>',
    head: [...FRAME_HEAD, widgetScript(params, widgetPath)].join('\n'),
    scripts: ['/embed/frame.js'],
  });
}

/** Shown inside the partner's frame, so the developer who pasted the address sees what to correct. */
export function embedErrorPage(message: string): string {
  return renderPage({
    title: 'Einbettung falsch eingestellt',
    main: `<h1>Diese Einbettung ist falsch eingestellt</h1>
<div class="notice notice--warning"><p lang="en"><code>${escapeHtml(message)}</code></p></div>
<p>Erlaubt sind <code>region</code> (Kreis als Adresse wie <code>goettingen</code>, Kreisschlüssel wie <code>03159</code>
oder Statistische Region wie <code>statistical:weser_ems</code>), <code>theme</code>, <code>project</code>,
<code>limit</code> (1 bis ${MAX_LIMIT}, sonst ${DEFAULT_LIMIT}) und <code>lang</code> (<code>de</code> oder <code>en</code>).</p>
<p>Beispiel: <code>/embed/stories?region=goettingen&amp;limit=6</code></p>`,
    head: FRAME_HEAD.join('\n'),
    scripts: ['/embed/frame.js'],
  });
}
