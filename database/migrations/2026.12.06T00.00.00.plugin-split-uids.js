'use strict';

/**
 * The plugin split (issue 13) moved content types and admin permissions out of the one plugin `youtube-sync`. Their
 * tables kept their names, so the rows stay where they are; what changes is every stored reference to an old uid or
 * action id. Strapi runs this before its schema sync, so the references are new before Strapi's start-up cleans away
 * what it no longer knows (permissions of unknown actions or subjects, content-manager settings of unknown types,
 * morph rows of unknown types). Rows that already carry new ids are left alone: running it twice changes nothing.
 *
 * The lists are the state of the split and stay as they are: a later move gets a migration of its own.
 */

const OLD = 'plugin::youtube-sync.';

/** Content types that left `youtube-sync`, by their old name (content-report was also renamed). */
const MOVED_TYPES = {
  removal: 'plugin::stories.removal',
  'partner-key': 'plugin::stories.partner-key',
  'partner-usage': 'plugin::stories.partner-usage',
  'cache-generation': 'plugin::stories.cache-generation',
  'content-report': 'plugin::submissions.content-notice',
  'outbox-mail': 'plugin::submissions.outbox-mail',
  'personal-link': 'plugin::submissions.personal-link',
  'link-request': 'plugin::submissions.link-request',
  'upload-reservation': 'plugin::submissions.upload-reservation',
  'upload-lock': 'plugin::submissions.upload-lock',
  'audit-entry': 'plugin::submissions.audit-entry',
  'report-export': 'plugin::reports.report-export',
  'scheduled-run': 'plugin::operations.scheduled-run',
};

/** Admin permissions that left `youtube-sync` (read, sync and settings stayed). */
const MOVED_ADMIN_ACTIONS = {
  [`${OLD}reports`]: 'plugin::reports.read',
  [`${OLD}review`]: 'plugin::submissions.review',
};

/** Content-API controllers that left `youtube-sync`: users-permissions actions are `<plugin uid>.<controller>.<action>`. */
const MOVED_CONTROLLERS = {
  [`${OLD}public-api.`]: 'plugin::stories.public-api.',
  [`${OLD}submissions.`]: 'plugin::submissions.submissions.',
  [`${OLD}review.`]: 'plugin::submissions.review.',
};

const movedType = (uid) => (typeof uid === 'string' && uid.startsWith(OLD) ? MOVED_TYPES[uid.slice(OLD.length)] : undefined);

const movedController = (action) => {
  const prefix = Object.keys(MOVED_CONTROLLERS).find((p) => action.startsWith(p));
  return prefix && MOVED_CONTROLLERS[prefix] + action.slice(prefix.length);
};

/** A stored text (a JSON value of the core store) with every moved uid replaced, wherever it appears as a whole string. */
const withNewUids = (text) =>
  Object.entries(MOVED_TYPES).reduce((out, [name, uid]) => out.split(JSON.stringify(OLD + name)).join(JSON.stringify(uid)), text);

/** A query on `table` in this transaction, in the configured schema (PostgreSQL may name one). */
const on = (db, trx, table) => (db.getSchemaName() ? trx(table).withSchema(db.getSchemaName()) : trx(table));

/** Rows of `table` (none when an empty database has no such table yet) whose `column` mentions the old plugin. */
async function mentioningOldPlugin(db, trx, table, column) {
  if (!(await db.getSchemaConnection(trx).hasTable(table))) return [];
  return on(db, trx, table).select('*').where(column, 'like', `%${OLD}%`);
}

async function updateColumn(db, trx, table, column, rewrite) {
  for (const row of await mentioningOldPlugin(db, trx, table, column)) {
    const next = rewrite(row[column]);
    if (next && next !== row[column]) await on(db, trx, table).where('id', row.id).update({ [column]: next });
  }
}

const CONTENT_MANAGER_KEY = 'plugin_content_manager_configuration_content_types::';

/**
 * The core store: the content manager's list and edit settings of each type (the key names the uid, the value
 * repeats it) and Strapi's record of the previous content types. Should the new key exist already, it wins and the
 * old row goes, so that the store never holds two settings for one type.
 */
async function updateCoreStore(db, trx) {
  const table = 'strapi_core_store_settings';
  for (const row of await mentioningOldPlugin(db, trx, table, 'value')) {
    const { key } = row;
    const moved = key.startsWith(CONTENT_MANAGER_KEY) ? movedType(key.slice(CONTENT_MANAGER_KEY.length)) : undefined;
    const nextKey = moved ? CONTENT_MANAGER_KEY + moved : key;
    if (nextKey !== key && (await on(db, trx, table).where('key', nextKey).first())) {
      await on(db, trx, table).where('id', row.id).delete();
      continue;
    }
    const value = withNewUids(row.value);
    if (nextKey !== key || value !== row.value) await on(db, trx, table).where('id', row.id).update({ key: nextKey, value });
  }
}

async function up(trx, db) {
  await updateColumn(db, trx, 'admin_permissions', 'action', (action) => MOVED_ADMIN_ACTIONS[action]);
  await updateColumn(db, trx, 'admin_permissions', 'subject', movedType);
  await updateColumn(db, trx, 'files_related_mph', 'related_type', movedType);
  await updateColumn(db, trx, 'up_permissions', 'action', movedController);
  await updateCoreStore(db, trx);
}

async function down() {
  throw new Error('The plugin split is not undone by a migration: restore the backup taken before the upgrade.');
}

module.exports = { up, down };
