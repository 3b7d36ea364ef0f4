import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const PLUGINS_DIR = path.join(ROOT, 'src', 'plugins');
const SHARED_DIR = path.join(ROOT, 'src', 'shared');
const PLUGINS = fs.readdirSync(PLUGINS_DIR).filter((name) => fs.existsSync(path.join(PLUGINS_DIR, name, 'package.json')));

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx|js)$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

const relativeImports = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import\(|require\()\s*['"](\.[^'"]+)['"]/g)].map(([, specifier]) => ({
    specifier,
    target: path.resolve(path.dirname(file), specifier),
  }));

const pluginOf = (file: string) => {
  const relative = path.relative(PLUGINS_DIR, file);
  return relative.startsWith('..') ? null : relative.split(path.sep)[0];
};

/** The plugins a plugin's code uses: imports of its files, `strapi.plugin('x')` calls and `plugin::x.` uids. */
function usedPlugins(plugin: string): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(path.join(PLUGINS_DIR, plugin))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const { target } of relativeImports(file)) used.add(pluginOf(target) ?? plugin);
    for (const [, name] of source.matchAll(/\.plugin\(\s*'([a-z-]+)'\s*\)/g)) used.add(name);
    for (const [, name] of source.matchAll(/plugin::([a-z-]+)\./g)) used.add(name);
  }
  return new Set([...used].filter((name) => name !== plugin && PLUGINS.includes(name)));
}

/** The ```dependencies block of ARCHITECTURE.md: `plugin: uses…` per line. */
function declaredDependencies(): Map<string, string[]> {
  const doc = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const block = /```dependencies\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return new Map(
    block
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const [name, uses] = line.split(':');
        return [name.trim(), uses.trim().split(/\s+/).filter(Boolean).sort()];
      })
  );
}

describe('plugin boundaries (ARCHITECTURE.md)', () => {
  const declared = declaredDependencies();

  test('ARCHITECTURE.md names every plugin, and only those', () => {
    expect([...declared.keys()].sort()).toEqual([...PLUGINS].sort());
  });

  test('no plugin imports a file of another plugin: they meet through services, events and src/shared', () => {
    const crossings = PLUGINS.flatMap((plugin) =>
      sourceFiles(path.join(PLUGINS_DIR, plugin)).flatMap((file) =>
        relativeImports(file)
          .filter(({ target }) => pluginOf(target) !== null && pluginOf(target) !== plugin)
          .map(({ specifier }) => `${path.relative(ROOT, file)} → ${specifier}`)
      )
    );
    expect(crossings).toEqual([]);
  });

  test.each(PLUGINS)('%s uses exactly the plugins ARCHITECTURE.md gives it', (plugin) => {
    expect([...usedPlugins(plugin)].sort()).toEqual(declared.get(plugin) ?? []);
  });

  test('the declared graph has no cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (name: string, trail: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) {
        cycles.push([...trail, name].join(' → '));
        return;
      }
      visiting.add(name);
      for (const next of declared.get(name) ?? []) visit(next, [...trail, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of declared.keys()) visit(name, []);
    expect(cycles).toEqual([]);
  });

  test('src/shared imports no plugin, and its types and constants carry no logic', () => {
    const files = sourceFiles(SHARED_DIR).filter((file) => !path.relative(SHARED_DIR, file).startsWith(`admin${path.sep}`));
    const problems = files.flatMap((file) => [
      ...relativeImports(file)
        .filter(({ target }) => pluginOf(target) !== null)
        .map(({ specifier }) => `${path.relative(ROOT, file)} imports ${specifier}`),
      ...(/^\s*(export\s+)?(async\s+)?(function|class)\b|^\s*(if|for|while|switch)\s*\(/m.test(fs.readFileSync(file, 'utf8')) ? [`${path.relative(ROOT, file)} has logic`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  test('the check sees what it looks for: a plugin that imports another is caught', () => {
    expect(pluginOf(path.join(PLUGINS_DIR, 'stories', 'server', 'src', 'index.ts'))).toBe('stories');
    expect(usedPlugins('reports').has('stories')).toBe(true);
  });
});

describe('which way the imports of the job queues run', () => {
  const importsOf = (dir: string) => sourceFiles(dir).flatMap((file) => relativeImports(file).map(({ target }) => path.relative(dir, target)));

  test('the lease queue imports nothing but itself and src/shared: every queue builds on it, it on none of them', () => {
    const dir = path.join(PLUGINS_DIR, 'operations', 'server', 'src', 'lease-queue');
    const outside = sourceFiles(dir).flatMap((file) => relativeImports(file).map(({ target }) => target));
    expect(outside.filter((target) => !target.startsWith(dir + path.sep) && !target.startsWith(SHARED_DIR + path.sep))).toEqual([]);
  });

  test('the sync jobs do not import the sync (the sync worker imports both), so the two form no cycle', () => {
    const dir = path.join(PLUGINS_DIR, 'youtube-sync', 'server', 'src', 'sync-jobs');
    expect(importsOf(dir).filter((target) => target.startsWith(`..${path.sep}sync${path.sep}`))).toEqual([]);
  });
});
