import { renderFeed, type FeedContext } from '../../src/plugins/stories/server/src/public-api/feeds';
import type { PublicStory } from '../../src/plugins/stories/server/src/public-api/serialize';
import { childrenOf, parseXml, type XmlElement } from '../support/xml';

/**
 * Every MUST of RFC 4287 (Atom) and every required element of RSS 2.0 that the feeds can break, one test per rule,
 * over documents read back by a conforming XML parser. The stories include the awkward ones: a title with markup
 * characters, a body with a character XML forbids and a CDATA terminator, no teaser, no cover; and an empty feed.
 */

const SITE = 'https://zusammen-mehr.example';
const ATOM = 'http://www.w3.org/2005/Atom';
const RSS_CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const CONTEXT: FeedContext = {
  publicUrl: `${SITE}/`,
  selfUrl: `${SITE}/api/v1/stories.atom?region=goettingen`,
  scope: ['Göttingen'],
  fallbackUpdated: new Date('2026-03-01T12:00:00Z'),
};

function story(overrides: Partial<PublicStory>): PublicStory {
  const slug = overrides.slug ?? 'amal-lernt-pflege';
  return {
    id: `doc-${slug}`,
    slug,
    title: 'Amal lernt Pflege',
    teaser: 'Vor drei Jahren kam Amal nach Göttingen.',
    bodyHtml: '<p>Heute macht sie eine Ausbildung.</p>',
    bodyText: 'Heute macht sie eine Ausbildung.',
    kind: 'personal',
    language: 'de',
    place: null,
    recordedOn: null,
    region: { slug: 'goettingen', name: 'Göttingen', key: '03159', kind: 'landkreis', statisticalRegion: 'braunschweig' },
    project: null,
    themes: [{ slug: 'arbeit', name: 'Arbeit' }],
    credits: [],
    cover: {
      url: `${SITE}/uploads/amal.jpg`,
      width: 1600,
      height: 900,
      alternativeText: 'Amal im Krankenhaus',
      mime: 'image/jpeg',
      sizes: [
        { name: 'small', url: `${SITE}/uploads/small_amal.jpg`, width: 500, height: 281, mime: 'image/jpeg' },
        { name: 'medium', url: `${SITE}/uploads/medium_amal.jpg`, width: 750, height: 422, mime: 'image/jpeg' },
      ],
    },
    youtube: null,
    publishedAt: '2026-02-10T09:30:00.000Z',
    updatedAt: '2026-02-11T08:00:00.000Z',
    link: `${SITE}/geschichten/${slug}`,
    ...overrides,
  };
}

const STORIES = [
  story({}),
  story({
    slug: 'x-kleiner-y',
    title: 'Mathe: x < y & "Freunde"',
    teaser: null,
    cover: null,
    bodyHtml: '<p>Ein Zeichen aus Word: \u000b und ein Ende ]]> mitten im Text.</p>',
    themes: [],
    region: null,
    publishedAt: '2026-02-20T10:00:00.000Z',
    updatedAt: '2026-02-20T10:00:00.000Z',
  }),
];

const atom = () => parseXml(renderFeed('atom', STORIES, CONTEXT));
const rss = () => parseXml(renderFeed('rss', STORIES, { ...CONTEXT, selfUrl: `${SITE}/api/v1/stories.rss?region=goettingen` }));
const emptyAtom = () => parseXml(renderFeed('atom', [], CONTEXT));

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const isAbsolute = (iri: string) => /^[a-z][a-z0-9+.-]*:/i.test(iri) && Boolean(new URL(iri));

const one = (parent: XmlElement, local: string, uri = ATOM) => {
  const found = childrenOf(parent, uri, local);
  expect([local, found.length]).toEqual([local, 1]);
  return found[0];
};
const entries = (feed: XmlElement) => childrenOf(feed, ATOM, 'entry');
const items = (doc: XmlElement) => childrenOf(one(doc, 'channel', ''), '', 'item');

/** Every atom:link below `parent`, its rel defaulting to "alternate" (RFC 4287 4.2.7.2). */
const links = (parent: XmlElement): Record<string, string>[] => childrenOf(parent, ATOM, 'link').map((l) => ({ ...l.attributes, rel: l.attributes.rel ?? 'alternate' }));

/** Every Text construct of an Atom document: title, subtitle, summary, rights, and content read as one. */
function textConstructs(feed: XmlElement): XmlElement[] {
  const of = (parent: XmlElement) => ['title', 'subtitle', 'summary', 'rights'].flatMap((name) => childrenOf(parent, ATOM, name));
  return [...of(feed), ...entries(feed).flatMap(of)];
}

describe('Atom (RFC 4287)', () => {
  test('2: the document is well-formed XML with atom:feed in the Atom namespace as its root', () => {
    const feed = atom();
    expect([feed.uri, feed.local]).toEqual([ATOM, 'feed']);
  });

  test('4.1.1: atom:feed has exactly one atom:id, atom:title and atom:updated, and at most one generator, icon, logo, rights, subtitle', () => {
    for (const feed of [atom(), emptyAtom()]) {
      for (const name of ['id', 'title', 'updated']) one(feed, name);
      for (const name of ['generator', 'icon', 'logo', 'rights', 'subtitle']) expect([name, childrenOf(feed, ATOM, name).length <= 1]).toEqual([name, true]);
    }
  });

  test('4.1.1: atom:feed has an atom:author unless every entry has one — also when there are no entries', () => {
    for (const feed of [atom(), emptyAtom()]) {
      const feedAuthors = childrenOf(feed, ATOM, 'author');
      const everyEntryHasOne = entries(feed).length > 0 && entries(feed).every((e) => childrenOf(e, ATOM, 'author').length > 0);
      expect(feedAuthors.length > 0 || everyEntryHasOne).toBe(true);
    }
  });

  test('4.1.2: each atom:entry has an atom:author, or inherits the feed’s', () => {
    const feed = atom();
    const feedHasAuthor = childrenOf(feed, ATOM, 'author').length > 0;
    for (const entry of entries(feed)) expect(feedHasAuthor || childrenOf(entry, ATOM, 'author').length > 0).toBe(true);
  });

  test('3.2: each atom:author holds exactly one atom:name; its atom:uri is an absolute IRI', () => {
    const feed = atom();
    for (const author of [feed, ...entries(feed)].flatMap((e) => childrenOf(e, ATOM, 'author'))) {
      expect(one(author, 'name').text.trim()).not.toBe('');
      for (const uri of childrenOf(author, ATOM, 'uri')) expect(isAbsolute(uri.text)).toBe(true);
    }
  });

  test('4.1.2: each atom:entry has exactly one atom:id, atom:title and atom:updated, at most one content, published, rights, source, summary', () => {
    const feed = atom();
    expect(entries(feed)).toHaveLength(2);
    for (const entry of entries(feed)) {
      for (const name of ['id', 'title', 'updated']) one(entry, name);
      for (const name of ['content', 'published', 'rights', 'source', 'summary']) expect([name, childrenOf(entry, ATOM, name).length <= 1]).toEqual([name, true]);
    }
  });

  test('4.1.1/4.1.2: no two alternate links share type and hreflang; an entry without content has an alternate link', () => {
    const feed = atom();
    for (const parent of [feed, ...entries(feed)]) {
      const alternates = links(parent).filter((l) => l.rel === 'alternate').map((l) => `${l.type ?? ''}|${l.hreflang ?? ''}`);
      expect(new Set(alternates).size).toBe(alternates.length);
    }
    for (const entry of entries(feed)) {
      expect(childrenOf(entry, ATOM, 'content').length > 0 || links(entry).some((l) => l.rel === 'alternate')).toBe(true);
    }
  });

  test('4.1.2: an entry has atom:summary when its content has a src or is Base64-encoded', () => {
    for (const entry of entries(atom())) {
      const content = childrenOf(entry, ATOM, 'content')[0];
      const type = content?.attributes.type ?? 'text';
      const outOfLine = content?.attributes.src !== undefined;
      const base64 = content !== undefined && !['text', 'html', 'xhtml'].includes(type) && !/\+xml$|\/xml$|^text\//.test(type);
      if (outOfLine || base64) one(entry, 'summary');
    }
  });

  test('4.1.3: atom:content of type text or html holds no child elements', () => {
    for (const entry of entries(atom())) {
      for (const content of childrenOf(entry, ATOM, 'content')) {
        expect(['text', 'html']).toContain(content.attributes.type ?? 'text');
        expect(content.children).toEqual([]);
      }
    }
  });

  test('3.1: Text constructs are text or html without child elements, and text is exactly what was written', () => {
    const feed = atom();
    for (const construct of textConstructs(feed)) {
      expect(['text', 'html']).toContain(construct.attributes.type ?? 'text');
      expect(construct.children).toEqual([]);
    }
    const tricky = entries(feed).find((e) => one(e, 'id').text.endsWith('x-kleiner-y')) as XmlElement;
    expect(one(tricky, 'title').attributes.type ?? 'text').toBe('text');
    expect(one(tricky, 'title').text).toBe('Mathe: x < y & "Freunde"');
  });

  test('3.3: every date (updated, published) is an RFC 3339 date-time with an upper-case T and Z', () => {
    const feed = atom();
    const dates = [feed, ...entries(feed)].flatMap((e) => [...childrenOf(e, ATOM, 'updated'), ...childrenOf(e, ATOM, 'published')]);
    expect(dates.length).toBeGreaterThanOrEqual(3);
    for (const date of dates) expect(date.text).toMatch(RFC_3339);
  });

  test('4.2.6: every atom:id is an absolute IRI, and entry ids are distinct', () => {
    const feed = atom();
    const ids = [feed, ...entries(feed)].map((e) => one(e, 'id').text);
    for (const id of ids) expect(isAbsolute(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('4.2.7: every atom:link has an absolute href; rel="self" points at the feed itself', () => {
    const feed = atom();
    for (const link of [feed, ...entries(feed)].flatMap(links)) expect(isAbsolute(link.href)).toBe(true);
    expect(links(feed).filter((l) => l.rel === 'self').map((l) => l.href)).toEqual([CONTEXT.selfUrl]);
  });

  test('4.2.2: every atom:category has a term', () => {
    const categories = entries(atom()).flatMap((e) => childrenOf(e, ATOM, 'category'));
    expect(categories.length).toBeGreaterThan(0);
    for (const category of categories) expect(category.attributes.term).toBeTruthy();
  });

  test('4.2.15: the feed’s atom:updated is not older than any of its entries', () => {
    const feed = atom();
    const updated = Date.parse(one(feed, 'updated').text);
    for (const entry of entries(feed)) expect(Date.parse(one(entry, 'updated').text)).toBeLessThanOrEqual(updated);
  });
});

describe('RSS 2.0', () => {
  test('the document is well-formed XML: rss version="2.0" with exactly one channel', () => {
    const doc = rss();
    expect([doc.local, doc.attributes.version]).toEqual(['rss', '2.0']);
    one(doc, 'channel', '');
  });

  test('the channel has exactly one title, link (an absolute URL) and description', () => {
    const channel = one(rss(), 'channel', '');
    for (const name of ['title', 'link', 'description']) expect(one(channel, name, '').text.trim()).not.toBe('');
    expect(isAbsolute(one(channel, 'link', '').text)).toBe(true);
  });

  test('every item has a title or a description', () => {
    for (const item of items(rss())) expect(childrenOf(item, '', 'title').length + childrenOf(item, '', 'description').length).toBeGreaterThan(0);
  });

  test('a guid that is a permalink (isPermaLink missing or "true") is an absolute URL; guids are distinct', () => {
    const guids = items(rss()).map((item) => one(item, 'guid', ''));
    for (const guid of guids) if ((guid.attributes.isPermaLink ?? 'true') === 'true') expect(isAbsolute(guid.text)).toBe(true);
    expect(new Set(guids.map((g) => g.text)).size).toBe(guids.length);
  });

  test('pubDate and lastBuildDate are RFC 822 dates', () => {
    const channel = one(rss(), 'channel', '');
    const dates = [...childrenOf(channel, '', 'lastBuildDate'), ...childrenOf(channel, '', 'pubDate'), ...items(rss()).map((i) => one(i, 'pubDate', ''))];
    expect(dates.length).toBeGreaterThanOrEqual(3);
    for (const date of dates) expect(date.text).toMatch(RFC_822);
  });

  test('no enclosure with a made-up length (all three attributes are required): the cover travels as Media RSS', () => {
    const [first, second] = items(rss());
    for (const enclosure of [first, second].flatMap((i) => childrenOf(i, '', 'enclosure'))) {
      expect(enclosure.attributes.url).toMatch(/^https?:\/\//);
      expect(Number(enclosure.attributes.length)).toBeGreaterThan(0);
      expect(enclosure.attributes.type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
    expect(childrenOf(first, MEDIA, 'content').map((m) => m.attributes)).toEqual([
      { url: `${SITE}/uploads/medium_amal.jpg`, type: 'image/jpeg', medium: 'image', width: '750', height: '422' },
    ]);
    expect(childrenOf(second, MEDIA, 'content')).toEqual([]);
  });

  test('item link and category are what they claim: an absolute URL, and a category name per district and theme', () => {
    const [first, second] = items(rss());
    expect(isAbsolute(one(first, 'link', '').text)).toBe(true);
    expect(childrenOf(first, '', 'category').map((c) => c.text)).toEqual(['Göttingen', 'Arbeit']);
    expect(childrenOf(second, '', 'category')).toEqual([]);
  });

  test('text survives as written: the title in plain text, the body’s HTML with the forbidden character dropped', () => {
    const tricky = items(rss()).find((i) => one(i, 'link', '').text.endsWith('x-kleiner-y')) as XmlElement;
    expect(one(tricky, 'title', '').text).toBe('Mathe: x < y & "Freunde"');
    expect(one(tricky, 'encoded', RSS_CONTENT).text).toBe('<p>Ein Zeichen aus Word:  und ein Ende ]]> mitten im Text.</p>');
  });
});
