import type { Core } from '@strapi/strapi';

/** What anyone on the internet may read; private fields are kept out by the schemas' `private` flags. */
export const PUBLIC_ACTIONS = ['story', 'region', 'project', 'theme'].flatMap((type) => [
  `api::${type}.${type}.find`,
  `api::${type}.${type}.findOne`,
]);

export async function grantPublicReadAccess(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions plugin has no Public role: cannot grant public read access.');
  const granted = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id, action: { $in: PUBLIC_ACTIONS } }, select: ['action'] });
  const have = new Set(granted.map((p: { action: string }) => p.action));
  for (const action of PUBLIC_ACTIONS.filter((a) => !have.has(a))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
}
