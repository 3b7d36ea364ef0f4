import type { Core } from '@strapi/strapi';

/**
 * What anyone on the internet may do through Strapi's content API: read stories, regions, projects and themes.
 * Private fields are kept out by the schemas' `private` flags, drafts by the published-only middleware.
 */
export const PUBLIC_ACTIONS = ['story', 'region', 'project', 'theme'].flatMap((type) => [
  `api::${type}.${type}.find`,
  `api::${type}.${type}.findOne`,
]);

/**
 * Makes the Public role hold exactly PUBLIC_ACTIONS. users-permissions grants it sign-up and password-reset
 * actions by default; this project has no end-user accounts, so an open `register` would only invite abuse.
 */
export async function restrictPublicRoleToReading(strapi: Core.Strapi) {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions plugin has no Public role: cannot set public read access.');
  const granted: { id: number; action: string }[] = await permissions.findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const surplus = granted.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (surplus.length) await permissions.deleteMany({ where: { id: { $in: surplus.map((p) => p.id) } } });
  const have = new Set(granted.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS.filter((a) => !have.has(a))) {
    await permissions.create({ data: { action, role: role.id } });
  }
}
