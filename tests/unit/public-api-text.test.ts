import { blocksToHtml, blocksToText, parseBlocks } from '../../src/plugins/stories/server/src/public-api/blocks';
import { foldGerman, searchableText, searchTerms } from '../../src/plugins/stories/server/src/public-api/fold';

const SITE = 'https://zusammen-mehr.example';

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('German folding for the full-text filter', () => {
  test.each(['Göttingen', 'göttingen', 'GÖTTINGEN', 'Goettingen', 'GOETTINGEN'])('%s folds to goettingen', (input) => {
    expect(foldGerman(input)).toBe('goettingen');
  });

  test('ß and its capital fold to ss', () => {
    expect(foldGerman('Straße')).toBe('strasse');
    expect(foldGerman('STRAẞE')).toBe('strasse');
  });

  test('a text with umlauts is also searchable by someone typing without them', () => {
    const stored = searchableText('Ärztin in Göttingen');
    for (const query of ['Gottingen', 'goettingen', 'GÖTTINGEN', 'arztin', 'Ärztin']) {
      expect(searchTerms(query).every((term) => stored.includes(term))).toBe(true);
    }
  });

  test('decomposed umlauts (as some keyboards send them) fold like composed ones', () => {
    expect(foldGerman('Go\u0308ttingen')).toBe('goettingen');
  });

  test('other accents are dropped and whitespace collapses into single words', () => {
    expect(searchTerms('  Café   Müller ')).toEqual(['cafe', 'mueller']);
  });
});

describe('story bodies as HTML and plain text', () => {
  test('text is escaped so markup typed by an editor stays text', () => {
    const blocks = [paragraph(text('Hallo <script>alert("x")</script> & Co.'))];
    expect(blocksToHtml(blocks as never, SITE)).toBe('<p>Hallo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co.</p>');
    expect(blocksToText(blocks as never)).toBe('Hallo <script>alert("x")</script> & Co.');
  });

  test('marks, headings, quotes, lists and code keep their meaning', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [text('Ankommen')] },
      paragraph(text('fett', { bold: true }), text(' und '), text('kursiv', { italic: true })),
      { type: 'quote', children: [text('Zitat')] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('eins')] },
          { type: 'list-item', children: [text('zwei')] },
        ],
      },
      { type: 'code', children: [text('a < b')] },
    ];
    expect(blocksToHtml(blocks as never, SITE)).toBe(
      [
        '<h2>Ankommen</h2>',
        '<p><strong>fett</strong> und <em>kursiv</em></p>',
        '<blockquote>Zitat</blockquote>',
        '<ol><li>eins</li><li>zwei</li></ol>',
        '<pre><code>a &lt; b</code></pre>',
      ].join('\n')
    );
    expect(blocksToText(blocks as never)).toBe('Ankommen\n\nfett und kursiv\n\nZitat\n\n1. eins\n2. zwei\n\na < b');
  });

  test('links keep safe addresses only, and site-relative ones become absolute', () => {
    const blocks = [
      paragraph(
        { type: 'link', url: 'https://example.org/?a=1&b="2"', children: [text('gut')] },
        { type: 'link', url: 'javascript:alert(1)', children: [text('böse')] },
        { type: 'link', url: '/geschichten/x', children: [text('intern')] }
      ),
    ];
    expect(blocksToHtml(blocks as never, SITE)).toBe(
      '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener">gut</a>böse' +
        `<a href="${SITE}/geschichten/x" rel="noopener">intern</a></p>`
    );
  });

  test('images need an http(s) address and carry their size', () => {
    const blocks = [
      { type: 'image', image: { url: '/uploads/a.jpg', alternativeText: 'Ein "Bild"', width: 800, height: 600 } },
      { type: 'image', image: { url: 'data:image/png;base64,xx' } },
    ];
    expect(blocksToHtml(blocks as never, SITE)).toBe(`<img src="${SITE}/uploads/a.jpg" alt="Ein &quot;Bild&quot;" width="800" height="600">\n`);
  });

  test('a stored body that is not blocks is an empty body', () => {
    expect(parseBlocks('not json')).toEqual([]);
    expect(parseBlocks(null)).toEqual([]);
    expect(parseBlocks('{"type":"paragraph"}')).toEqual([]);
    expect(parseBlocks(JSON.stringify([paragraph(text('x'))]))).toHaveLength(1);
  });
});
