/**
 * German-aware folding for the full-text filter. Both the stored text and the query go through it, so
 * "GÖTTINGEN", "göttingen" and "Goettingen" meet in "goettingen", and "Straße" meets "strasse". Someone who types
 * without umlauts at all ("Gottingen") matches the second spelling kept for every text with umlauts.
 */

const TRANSCRIPTION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

const stripMarks = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '');

const base = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped (é→e), lower case. */
export function foldGerman(text: string): string {
  return stripMarks(base(text).replace(/[äöüß]/g, (c) => TRANSCRIPTION[c]));
}

/** The same with umlauts reduced to their base letter (ä→a), as people type on keyboards without them. */
export function foldPlain(text: string): string {
  return stripMarks(base(text).replace(/ß/g, 'ss'));
}

/** What the search table stores for a text: the transcribed spelling, and the plain one when it differs. */
export function searchableText(text: string): string {
  const german = foldGerman(text);
  const plain = foldPlain(text);
  return plain === german ? german : `${german}\n${plain}`;
}

/** The query's words, folded; each must occur (as a substring) for a story to match. */
export function searchTerms(query: string): string[] {
  return foldGerman(query).split(' ').filter(Boolean);
}
