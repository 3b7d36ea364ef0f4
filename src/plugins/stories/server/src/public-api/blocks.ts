/**
 * Strapi's blocks (rich text) as HTML and as plain text. Every piece of text is escaped and only link and image
 * addresses with a safe scheme pass, so an editor's "<script>" or a "javascript:" link stays text on a partner site.
 */

interface TextNode {
  type: 'text';
  text?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}
interface ElementNode {
  type: string;
  children?: BlockNode[];
  level?: number;
  format?: string;
  url?: string;
  image?: { url?: string; alternativeText?: string | null; width?: number | null; height?: number | null };
}
type BlockNode = TextNode | ElementNode;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE = /^https?:/i;

/** Turns a stored value (JSON text or already parsed) into blocks; anything else is no body. */
export function parseBlocks(value: unknown): BlockNode[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? (parsed as BlockNode[]) : [];
}

const isText = (node: BlockNode): node is TextNode => node.type === 'text';

/** Media of the local upload provider live under the site's address; make them absolute for partner pages. */
export function absoluteUrl(url: string, publicUrl: string): string {
  return url.startsWith('/') ? `${publicUrl.replace(/\/$/, '')}${url}` : url;
}

function inlineHtml(nodes: BlockNode[] | undefined, publicUrl: string): string {
  return (nodes ?? [])
    .map((node) => {
      if (isText(node)) {
        let html = escapeHtml(node.text ?? '').replace(/\n/g, '<br>');
        if (node.code) html = `<code>${html}</code>`;
        if (node.bold) html = `<strong>${html}</strong>`;
        if (node.italic) html = `<em>${html}</em>`;
        if (node.underline) html = `<u>${html}</u>`;
        if (node.strikethrough) html = `<s>${html}</s>`;
        return html;
      }
      const inner = inlineHtml(node.children, publicUrl);
      if (node.type === 'link' && node.url) {
        const href = absoluteUrl(node.url, publicUrl);
        if (SAFE_LINK.test(href)) return `<a href="${escapeHtml(href)}" rel="noopener">${inner}</a>`;
      }
      return inner;
    })
    .join('');
}

function blockHtml(node: BlockNode, publicUrl: string): string {
  if (isText(node)) return inlineHtml([node], publicUrl);
  const inner = () => inlineHtml(node.children, publicUrl);
  switch (node.type) {
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(node.level ?? 2)));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(plainInline(node.children))}</code></pre>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${(node.children ?? []).map((child) => listItemHtml(child, publicUrl)).join('')}</${tag}>`;
    }
    case 'image': {
      const src = node.image?.url ? absoluteUrl(node.image.url, publicUrl) : '';
      if (!SAFE_IMAGE.test(src)) return '';
      const size = [
        Number.isInteger(node.image?.width) ? ` width="${node.image?.width}"` : '',
        Number.isInteger(node.image?.height) ? ` height="${node.image?.height}"` : '',
      ].join('');
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.image?.alternativeText ?? '')}"${size}>`;
    }
    default:
      return inner() ? `<p>${inner()}</p>` : '';
  }
}

function listItemHtml(node: BlockNode, publicUrl: string): string {
  if (node.type === 'list') return `<li>${blockHtml(node, publicUrl)}</li>`;
  return `<li>${inlineHtml((node as ElementNode).children ?? [node], publicUrl)}</li>`;
}

export function blocksToHtml(blocks: BlockNode[], publicUrl: string): string {
  return blocks.map((block) => blockHtml(block, publicUrl)).join('\n');
}

function plainInline(nodes: BlockNode[] | undefined): string {
  return (nodes ?? []).map((node) => (isText(node) ? (node.text ?? '') : plainInline(node.children))).join('');
}

function listPlain(node: ElementNode, depth: number): string[] {
  const ordered = node.format === 'ordered';
  return (node.children ?? []).flatMap((child, index) => {
    if (child.type === 'list') return listPlain(child as ElementNode, depth + 1);
    const marker = ordered ? `${index + 1}.` : '-';
    return [`${'  '.repeat(depth)}${marker} ${plainInline((child as ElementNode).children ?? [child])}`];
  });
}

function blockPlain(node: BlockNode): string {
  if (isText(node)) return node.text ?? '';
  if (node.type === 'list') return listPlain(node, 0).join('\n');
  if (node.type === 'image') return node.image?.alternativeText ?? '';
  return plainInline(node.children);
}

export function blocksToText(blocks: BlockNode[]): string {
  return blocks
    .map(blockPlain)
    .map((text) => text.trim())
    .filter(Boolean)
    .join('\n\n');
}
