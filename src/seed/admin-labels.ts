import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';

type LabelFile = Record<string, { settings: Record<string, string>; list?: string[]; fields: Record<string, [string, string]> }>;
interface Metadata {
  edit: { label?: string; description?: string };
  list: { label?: string };
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown };
}

/** Raise when admin-labels.de.json changes, so existing installations get the new wording once. */
const LAYOUT_VERSION = 4;

/**
 * The schemas speak English (API ids); editors read German. The labels, hints and list columns are applied once per
 * LAYOUT_VERSION (remembered in Strapi's core store), so what an editor later changes in the admin's
 * "Configure the view" is kept across restarts.
 */
export async function applyGermanAdminLabels(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'core', name: 'zusammen-mehr' });
  if (Number(await store.get({ key: 'admin-layout-version' })) >= LAYOUT_VERSION) return;
  const labels = readSeedFile<LabelFile>('admin-labels.de.json');
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, { settings, list, fields }] of Object.entries(labels)) {
    const service = contentManager.service(uid.includes('::') ? 'content-types' : 'components');
    const model = { uid };
    const configuration = (await service.findConfiguration(model)) as Configuration;
    for (const [field, [label, description]] of Object.entries(fields)) {
      const meta = configuration.metadatas[field];
      if (!meta) continue;
      meta.edit.label = label;
      meta.edit.description = description;
      meta.list.label = label;
    }
    await service.updateConfiguration(model, {
      settings: { ...configuration.settings, ...settings },
      metadatas: configuration.metadatas,
      layouts: { ...configuration.layouts, ...(list && { list }) },
    });
  }
  await store.set({ key: 'admin-layout-version', value: LAYOUT_VERSION });
}
