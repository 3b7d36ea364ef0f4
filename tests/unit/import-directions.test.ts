import fs from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const PLUGINS = path.join(SRC, 'plugins');

/** Which plugins each plugin may use (issue 13): an order without cycles; src/shared (types, constants) is open to all. */
const MAY_USE: Record<string, string[]> = {
  operations: [],
  stories: ['operations'],
  'youtube-sync': ['stories', 'operations'],
  submissions: ['stories', 'operations'],
  reports: ['stories', 'submissions', 'youtube-sync', 'operations'],
};

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

const relativeImports = (source: string) => [...source.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map(([, specifier]) => specifier);

/** The plugin a path lies in, or null outside src/plugins. */
function pluginOf(file: string): string | null {
  const relative = path.relative(PLUGINS, file);
  return relative.startsWith('..') ? null : relative.split(path.sep)[0];
}

/** The imports of one file that reach into another plugin's folder. */
function importsAcrossPlugins(file: string, source: string): string[] {
  const own = pluginOf(file);
  return relativeImports(source)
    .filter((specifier) => {
      const target = pluginOf(path.resolve(path.dirname(file), specifier));
      return target !== null && target !== own;
    })
    .map((specifier) => `${path.relative(SRC, file)} → ${specifier}`);
}

/** The plugins whose services or router a file asks for by name, besides its own. */
function pluginsAskedFor(file: string, source: string): string[] {
  const own = pluginOf(file);
  return [...source.matchAll(/\.plugin\('([a-z-]+)'\)/g)].map(([, name]) => name).filter((name) => name !== own && name in MAY_USE);
}

/** The folders of a plugin's server/src that the modules in `folder` import from (relative imports only). */
function importedFolders(plugin: string, folder: string): Map<string, string[]> {
  const server = path.join(PLUGINS, plugin, 'server', 'src');
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(server, folder))) {
    for (const specifier of relativeImports(fs.readFileSync(file, 'utf8'))) {
      const resolved = path.resolve(path.dirname(file), specifier);
      const target = path.relative(server, resolved);
      const top = resolved.startsWith(path.join(SRC, 'shared')) ? 'src/shared' : target.startsWith('..') ? 'outside' : target.split(path.sep)[0];
      if (top !== folder) found.set(top, [...(found.get(top) ?? []), `${path.relative(server, file)} → ${specifier}`]);
    }
  }
  return found;
}

describe('how the plugins reach each other', () => {
  const files = Object.keys(MAY_USE).flatMap((plugin) => sourceFiles(path.join(PLUGINS, plugin)));

  test('no plugin imports another plugin’s modules: they meet only in services, events and src/shared', () => {
    expect(files.flatMap((file) => importsAcrossPlugins(file, fs.readFileSync(file, 'utf8')))).toEqual([]);
  });

  test('a plugin asks only the plugins below it for services, so the dependencies form no cycle', () => {
    const forbidden = files.flatMap((file) =>
      pluginsAskedFor(file, fs.readFileSync(file, 'utf8'))
        .filter((name) => !MAY_USE[pluginOf(file) as string].includes(name))
        .map((name) => `${path.relative(SRC, file)} → plugin('${name}')`)
    );
    expect(forbidden).toEqual([]);
  });

  test('the checks see an import into another plugin and a service asked of a plugin', () => {
    const file = path.join(PLUGINS, 'stories', 'server', 'src', 'public-api', 'example.ts');
    expect(importsAcrossPlugins(file, "import { x } from '../../../../operations/server/src/lease-queue/lease-queue';")).toHaveLength(1);
    expect(importsAcrossPlugins(file, "import type { Schedule } from '../../../../../shared/operations';")).toEqual([]);
    expect(pluginsAskedFor(file, "strapi.plugin('youtube-sync').service('sync')")).toEqual(['youtube-sync']);
  });
});

describe('which way the imports of the job queues run', () => {
  test('the lease queue imports nothing of the operations plugin but its own folder and src/shared', () => {
    const folders = importedFolders('operations', 'lease-queue');
    folders.delete('src/shared');
    expect([...folders.values()].flat()).toEqual([]);
  });

  test('the sync job queue does not import the sync (the sync worker imports both), so the two form no cycle', () => {
    expect(importedFolders('youtube-sync', 'sync-jobs').get('sync') ?? []).toEqual([]);
  });

  test('the check sees imports across folders', () => {
    expect(importedFolders('youtube-sync', 'sync').get('sync-jobs')?.length).toBeGreaterThan(0);
  });
});
