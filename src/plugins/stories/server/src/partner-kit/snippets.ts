import { escapeHtml } from '../site/layout';
import { selectionSearch, site, type PartnerParams } from './selection';

/**
 * The HTML partners paste, written out for the chosen selection: the widget's script tag and the iframe page, both
 * with absolute addresses (the partner's page lives elsewhere). Attribute values are escaped once here, so what the
 * page shows is exactly what a partner copies.
 */

function dataAttributes(params: PartnerParams): string {
  const attributes: [string, string | undefined][] = [
    ['data-region', params.region],
    ['data-theme', params.theme],
    ['data-project', params.project],
    ['data-limit', String(params.limit)],
    ['data-layout', params.layout === 'grid' ? undefined : params.layout],
  ];
  return attributes
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

export function scriptSnippet(params: PartnerParams, publicUrl: string): string {
  return `<script src="${escapeHtml(`${site(publicUrl)}/embed/stories.js`)}"${dataAttributes(params)} async></script>`;
}

/** The page for the widget on this site itself: the same tag, rendered into the preview, without a local copy. */
export function previewScript(params: PartnerParams, target: string): string {
  return `<script src="/embed/stories.js"${dataAttributes(params)} data-target="#${target}" data-cache="off" defer></script>`;
}

export function iframeSnippet(params: PartnerParams, publicUrl: string, title: string): string {
  const src = `${site(publicUrl)}/embed/stories${selectionSearch(params, ['region', 'theme', 'project', 'limit'])}`;
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(`${title} – ZUSAMMEN. MEHR.`)}" style="width:100%;border:0" height="900" loading="lazy" allow="autoplay; fullscreen; encrypted-media; picture-in-picture"></iframe>`;
}
