import fs from 'fs';
import path from 'path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const pluginsDir = path.resolve(__dirname, '..', '..', 'src', 'plugins');
/** Every plugin with an admin UI, found by its translations folder, so a new one is checked without being listed. */
const plugins = fs.readdirSync(pluginsDir).filter((plugin) => fs.existsSync(path.join(pluginsDir, plugin, 'admin', 'src', 'translations')));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

/** Keys put together in code (`status.${status}`), per plugin: these need not appear as a literal. */
const DYNAMIC_PREFIXES: Record<string, string[]> = {
  'youtube-sync': ['status.', 'reason.', 'kind.', 'connection.result.', 'settings.placeholder.', 'settings.privacy.', 'settings.takedown.', 'panel.privacy.'],
  reports: ['downloads.table.', 'exports.status.'],
};

test('the admin is split by plugin: YouTube, Einreichungen and Berichte each bring their own translations', () => {
  expect(plugins).toEqual(expect.arrayContaining(['youtube-sync', 'submissions', 'reports']));
});

test('the shared admin components bring no text of their own: every word comes from the plugin that shows them', () => {
  const code = sources(path.resolve(__dirname, '..', '..', 'src', 'shared', 'admin')).join('\n');
  expect(code).not.toMatch(/(label|title)="[A-ZÄÖÜa-zäöü]/);
  expect(code).not.toMatch(/(?<!=)>\s*[A-ZÄÖÜa-zäöü][a-zäöü]*[\s.,:!?<]/);
});

describe.each(plugins)('the %s admin speaks German and English', (plugin) => {
  const adminDir = path.join(pluginsDir, plugin, 'admin', 'src');
  const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(adminDir, 'translations', `${locale}.json`), 'utf8')) as Record<string, string>;
  const de = read('de');
  const en = read('en');

  test('every string exists in both languages, German first', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [key, text] of Object.entries({ ...de, ...en })) expect([key, text.trim()]).not.toEqual([key, '']);
  });

  test('every message is valid ICU and both languages use the same variables', () => {
    const names = (elements: MessageFormatElement[]): string[] =>
      elements.flatMap((element) => [
        ...('value' in element && element.type !== 0 ? [String(element.value)] : []),
        ...('options' in element ? Object.values(element.options).flatMap((option) => names(option.value)) : []),
      ]);
    const variables = (text: string) => [...new Set(names(parse(text)))].sort();
    for (const key of Object.keys(de)) expect([key, variables(en[key])]).toEqual([key, variables(de[key])]);
  });

  test('no string is left unused, and no text is written into the pages instead of the translations', () => {
    const code = sources(adminDir).join('\n');
    const dynamicPrefixes = DYNAMIC_PREFIXES[plugin] ?? [];
    const unused = Object.keys(de).filter((key) => !code.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
    expect(code).not.toMatch(/label="[A-ZÄÖÜ][a-zäöü]/);
  });
});
