import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';

type LabelFile = Record<string, { settings: Record<string, string>; fields: Record<string, [string, string]> }>;
interface Metadata {
  edit: { label?: string; description?: string };
  list: { label?: string };
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: unknown;
}

/**
 * The schemas speak English (API ids); editors read German. Labels are applied only where the content manager
 * still shows its default (the attribute name), so wording an editor changed in the admin is kept.
 */
export async function applyGermanAdminLabels(strapi: Core.Strapi) {
  const labels = readSeedFile<LabelFile>('admin-labels.de.json');
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, { settings, fields }] of Object.entries(labels)) {
    const isComponent = !uid.includes('::');
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const model = { uid };
    const configuration = (await service.findConfiguration(model)) as Configuration;
    let changed = false;
    for (const [field, [label, description]] of Object.entries(fields)) {
      const meta = configuration.metadatas[field];
      if (!meta || meta.edit.label !== field) continue;
      meta.edit.label = label;
      meta.edit.description = description;
      meta.list.label = label;
      changed = true;
    }
    if (changed) {
      await service.updateConfiguration(model, {
        settings: { ...configuration.settings, ...settings },
        metadatas: configuration.metadatas,
        layouts: configuration.layouts,
      });
    }
  }
}
