import type { EditorSettings, PlaylistKind } from './api-types';
import type { MessageKey } from './translate';

export type SettingsErrors = Partial<Record<'descriptionTemplate' | `playlists.${PlaylistKind}.title`, { key: MessageKey; values?: Record<string, string> }>>;

const PLAYLIST_KINDS: PlaylistKind[] = ['channel', 'region', 'theme', 'project'];

/** The server's rules (admin-api/settings.ts), checked while typing so the editor sees them in their language. */
export function validateSettings(settings: EditorSettings, placeholders: string[]): SettingsErrors {
  const errors: SettingsErrors = {};
  const template = settings.descriptionTemplate.trim();
  const unknown = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => !placeholders.includes(name));
  if (!template) errors.descriptionTemplate = { key: 'settings.template.empty' };
  else if (template.length > 4000) errors.descriptionTemplate = { key: 'settings.template.tooLong' };
  else if (unknown.length) errors.descriptionTemplate = { key: 'settings.template.unknown', values: { names: unknown.map((u) => `{${u}}`).join(', ') } };
  for (const kind of PLAYLIST_KINDS) {
    const title = settings.playlists[kind].title.trim();
    const field = `playlists.${kind}.title` as const;
    if (!title) errors[field] = { key: 'settings.playlists.emptyTitle' };
    else if (title.length > 150) errors[field] = { key: 'settings.playlists.tooLong' };
    else if (kind !== 'channel' && !title.includes('{name}')) errors[field] = { key: 'settings.playlists.needsName' };
  }
  return errors;
}
