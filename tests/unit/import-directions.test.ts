import fs from 'fs';
import path from 'path';

const SERVER = path.resolve(__dirname, '..', '..', 'src', 'plugins', 'youtube-sync', 'server', 'src');

/** The folders of server/src that the modules in `folder` import from (relative imports only). */
function importedFolders(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const dir = path.join(SERVER, folder);
  for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.[^']+)'/g)) {
      const target = path.relative(SERVER, path.resolve(path.dirname(path.join(dir, file)), specifier));
      const top = target.includes(path.sep) ? target.split(path.sep)[0] : '.';
      if (top !== folder) found.set(top, [...(found.get(top) ?? []), `${folder}/${file} → ${specifier}`]);
    }
  }
  return found;
}

describe('which way the imports of the job queue run', () => {
  test('the lease queue imports nothing of the plugin: every queue builds on it, it on none of them', () => {
    expect([...importedFolders('lease-queue').values()].flat()).toEqual([]);
  });

  test('the sync job queue does not import the sync (the sync worker imports both), so the two form no cycle', () => {
    expect(importedFolders('queue').get('sync') ?? []).toEqual([]);
  });

  test('the check sees imports across folders', () => {
    expect(importedFolders('sync').get('queue')?.length).toBeGreaterThan(0);
  });
});
