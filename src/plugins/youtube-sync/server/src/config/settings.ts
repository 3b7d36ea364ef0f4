import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { PluginConfig } from './index';
import { requests } from '../dependencies';

/**
 * The settings the office changes itself in the admin — description template, default privacy, takedown and the
 * playlists — kept in the plugin store. The environment gives the defaults; a saved value wins.
 */

/** The placeholders renderDescription (sync/description.ts) fills; the admin-settings test keeps both in step. */
export const DESCRIPTION_PLACEHOLDERS = ['title', 'teaser', 'region', 'project', 'project_line', 'themes', 'credits', 'link'] as const;

export const PLAYLIST_KINDS = ['channel', 'region', 'theme', 'project'] as const;
type PlaylistKind = (typeof PLAYLIST_KINDS)[number];

const unknownPlaceholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => !(DESCRIPTION_PLACEHOLDERS as readonly string[]).includes(name));

const playlist = (kind: PlaylistKind) =>
  z.object({
    enabled: z.boolean(),
    title: z
      .string()
      .trim()
      .min(1, 'Der Titel darf nicht leer sein.')
      .max(150, 'YouTube erlaubt höchstens 150 Zeichen.')
      .refine((title) => kind === 'channel' || title.includes('{name}'), 'Der Titel braucht den Platzhalter {name}.'),
  });

export const editorSettingsSchema = z.object({
  descriptionTemplate: z
    .string()
    .trim()
    .min(1, 'Die Vorlage darf nicht leer sein.')
    .max(4000, 'Die Vorlage darf höchstens 4000 Zeichen haben.')
    .superRefine((template, ctx) => {
      const unknown = unknownPlaceholders(template);
      if (unknown.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Unbekannte Platzhalter: ${unknown.map((u) => `{${u}}`).join(', ')}` });
    }),
  defaultPrivacy: z.enum(['public', 'unlisted', 'private']),
  takedown: z.enum(['delete', 'private']),
  playlists: z.object({ channel: playlist('channel'), region: playlist('region'), theme: playlist('theme'), project: playlist('project') }),
});

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

interface StoredSettings extends EditorSettings {
  updatedAt: string;
  updatedBy: string | null;
}

const KEY = 'settings';
const pluginStore = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'youtube-sync' });

function defaultSettings(config: PluginConfig): EditorSettings {
  const playlists = Object.fromEntries(
    PLAYLIST_KINDS.map((kind) => [kind, { enabled: config.playlistKinds[kind], title: config.playlistTitles[kind] }])
  ) as EditorSettings['playlists'];
  return { descriptionTemplate: config.descriptionTemplate, defaultPrivacy: config.defaultPrivacy, takedown: config.takedown, playlists };
}

export async function readSettings(strapi: Core.Strapi, config: PluginConfig) {
  const stored = (await pluginStore(strapi).get({ key: KEY })) as Partial<StoredSettings> | null;
  const defaults = defaultSettings(config);
  // Field by field, so that a setting added later falls back to its default in settings saved before it existed.
  const settings: EditorSettings = {
    descriptionTemplate: stored?.descriptionTemplate ?? defaults.descriptionTemplate,
    defaultPrivacy: stored?.defaultPrivacy ?? defaults.defaultPrivacy,
    takedown: stored?.takedown ?? defaults.takedown,
    playlists: Object.fromEntries(PLAYLIST_KINDS.map((kind) => [kind, { ...defaults.playlists[kind], ...stored?.playlists?.[kind] }])) as EditorSettings['playlists'],
  };
  return { settings, defaults, updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null };
}

export async function saveSettings(strapi: Core.Strapi, input: unknown, updatedBy: string | null, now: Date): Promise<EditorSettings> {
  const settings = requests(strapi).parseInput(editorSettingsSchema, input, 'YouTube-Einstellungen');
  const value: StoredSettings = { ...settings, updatedAt: now.toISOString(), updatedBy };
  await pluginStore(strapi).set({ key: KEY, value });
  return settings;
}

export async function resetSettings(strapi: Core.Strapi) {
  await pluginStore(strapi).delete({ key: KEY });
}

/** The plugin configuration with the office's saved settings applied: what a sync should use. */
export async function effectiveSettings(strapi: Core.Strapi, config: PluginConfig): Promise<PluginConfig> {
  const { settings } = await readSettings(strapi, config);
  const kinds = Object.fromEntries(PLAYLIST_KINDS.map((kind) => [kind, settings.playlists[kind].enabled])) as PluginConfig['playlistKinds'];
  const titles = Object.fromEntries(PLAYLIST_KINDS.map((kind) => [kind, settings.playlists[kind].title])) as PluginConfig['playlistTitles'];
  return {
    ...config,
    descriptionTemplate: settings.descriptionTemplate,
    defaultPrivacy: settings.defaultPrivacy,
    takedown: settings.takedown,
    playlistKinds: kinds,
    playlistTitles: titles,
  };
}
