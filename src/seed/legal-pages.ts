import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';

/** One paragraph ("## …"/"### …" make a heading) or a bulleted list of paragraphs. */
type SeedBlock = string | string[];
interface LegalPageSeed {
  title: string;
  officeNote: string;
  feedbackEmail?: string;
  body: SeedBlock[];
}
type LegalPagesFile = Record<string, LegalPageSeed | string>;

type InlineNode = { type: 'text'; text: string } | { type: 'link'; url: string; children: { type: 'text'; text: string }[] };

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Text with `[label](url)` links as Strapi's inline nodes; other brackets (placeholders) stay text. */
function inlineNodes(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let rest = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > rest) nodes.push({ type: 'text', text: text.slice(rest, match.index) });
    nodes.push({ type: 'link', url: match[2], children: [{ type: 'text', text: match[1] }] });
    rest = match.index + match[0].length;
  }
  if (rest < text.length || nodes.length === 0) nodes.push({ type: 'text', text: text.slice(rest) });
  return nodes;
}

/** The seed file's compact text format as Strapi blocks, the format editors then edit in the admin. */
export function seedTextToBlocks(body: SeedBlock[]) {
  return body.map((block) => {
    if (Array.isArray(block)) {
      return { type: 'list', format: 'unordered', children: block.map((item) => ({ type: 'list-item', children: inlineNodes(item) })) };
    }
    const heading = /^(#{2,3}) (.*)$/s.exec(block);
    if (heading) return { type: 'heading', level: heading[1].length, children: inlineNodes(heading[2]) };
    return { type: 'paragraph', children: inlineNodes(block) };
  });
}

const uidOf = (key: string) => `api::${key}.${key}` as const;

/**
 * Creates each legal page (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Teilnahmebedingungen)
 * from database/seed/legal-pages.de.json when it does not exist yet. An existing page is never touched, so the
 * office's edits survive every restart. Pages the office has not marked as reviewed are named in a warning at
 * each start, so that a draft does not stay online unnoticed.
 */
export async function seedLegalPages(strapi: Core.Strapi) {
  const seeds = readSeedFile<LegalPagesFile>('legal-pages.de.json');
  const unreviewed: string[] = [];
  for (const [key, seed] of Object.entries(seeds)) {
    if (typeof seed === 'string') continue;
    const documents = strapi.documents(uidOf(key) as never);
    const existing = (await documents.findFirst({})) as { title: string; reviewedByOffice?: boolean } | null;
    if (!existing) {
      const { body, ...fields } = seed;
      await documents.create({ data: { ...fields, body: seedTextToBlocks(body), reviewedByOffice: false } as never });
      strapi.log.info(`Legal pages: created the draft "${seed.title}".`);
    }
    if (!existing?.reviewedByOffice) unreviewed.push(existing?.title ?? seed.title);
  }
  if (unreviewed.length) {
    strapi.log.warn(`Legal pages not yet reviewed by the office (admin: "Von der Geschäftsstelle geprüft"): ${unreviewed.join(', ')}.`);
  }
}
