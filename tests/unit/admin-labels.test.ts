import fs from 'fs';
import path from 'path';

/**
 * Editors read German: every field of every type they see in the content manager has a German label in
 * database/seed/admin-labels.de.json, so no API id like `creditPreference` shows up in their forms.
 */
const root = path.join(__dirname, '..', '..');
const labels = JSON.parse(fs.readFileSync(path.join(root, 'database/seed/admin-labels.de.json'), 'utf8')) as Record<
  string,
  { fields: Record<string, [string, string]> }
>;

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as {
  attributes: Record<string, { visible?: boolean }>;
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
};

function editorTypes(): { uid: string; file: string }[] {
  const types: { uid: string; file: string }[] = [];
  const apiDir = path.join(root, 'src/api');
  for (const api of fs.readdirSync(apiDir)) {
    const ctDir = path.join(apiDir, api, 'content-types');
    for (const name of fs.existsSync(ctDir) ? fs.readdirSync(ctDir) : []) types.push({ uid: `api::${api}.${name}`, file: path.join(ctDir, name, 'schema.json') });
  }
  const componentsDir = path.join(root, 'src/components');
  for (const category of fs.readdirSync(componentsDir)) {
    for (const file of fs.readdirSync(path.join(componentsDir, category))) {
      types.push({ uid: `${category}.${path.basename(file, '.json')}`, file: path.join(componentsDir, category, file) });
    }
  }
  for (const plugin of fs.readdirSync(path.join(root, 'src/plugins'))) {
    const pluginDir = path.join(root, 'src/plugins', plugin, 'server/src/content-types');
    if (!fs.existsSync(pluginDir)) continue;
    for (const name of fs.readdirSync(pluginDir).filter((n) => fs.statSync(path.join(pluginDir, n)).isDirectory())) {
      const file = path.join(pluginDir, name, 'schema.json');
      if (readJson(file).pluginOptions?.['content-manager']?.visible !== false) types.push({ uid: `plugin::${plugin}.${name}`, file });
    }
  }
  return types;
}

test.each(editorTypes().map(({ uid, file }) => [uid, file]))('%s: every field has a German label', (uid, file) => {
  const fields = Object.entries(readJson(file).attributes)
    .filter(([, attribute]) => attribute.visible !== false)
    .map(([field]) => field);
  const labelled = Object.keys(labels[uid]?.fields ?? {});
  expect(fields.filter((field) => !labelled.includes(field))).toEqual([]);
});
