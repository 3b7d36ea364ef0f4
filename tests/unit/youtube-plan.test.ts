import { desiredPlaylists } from '../../src/plugins/youtube-sync/server/src/sync/plan';
import type { StorySnapshot } from '../../src/plugins/youtube-sync/server/src/sync/load-story';

const story = {
  region: { slug: 'emden', name: 'Emden' },
  themes: [{ slug: 'sport', name: 'Sport' }],
  project: { slug: 'anpfiff', name: 'Anpfiff' },
} as StorySnapshot;
const titles = { channel: 'Alle', region: 'Region {name}', theme: 'Thema {name}', project: 'Projekt {name}' };
const all = { channel: true, region: true, theme: true, project: true };

describe('the playlists a story belongs in', () => {
  test('every kind of playlist the office keeps, with its title pattern filled in', () => {
    expect(desiredPlaylists(story, titles, all)).toEqual([
      { key: 'channel', title: 'Alle' },
      { key: 'region:emden', title: 'Region Emden' },
      { key: 'theme:sport', title: 'Thema Sport' },
      { key: 'project:anpfiff', title: 'Projekt Anpfiff' },
    ]);
  });

  test('a kind the office switched off is left out', () => {
    expect(desiredPlaylists(story, titles, { ...all, theme: false, project: false }).map((p) => p.key)).toEqual(['channel', 'region:emden']);
  });
});
