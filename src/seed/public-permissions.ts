import type { Core } from '@strapi/strapi';

/**
 * The Public role holds no permission at all. Visitors and partners read through the v1 API and what is built on
 * it (pages, feeds, oEmbed, widget), where one visibility rule decides what is public; Strapi's core content routes
 * (`/api/stories`, `/api/regions`, …), the upload plugin's and users-permissions' routes would each be a second gate
 * with rules of their own (`status=draft`, `populate` through relations), so they answer 403 to anyone without an
 * API token. users-permissions grants sign-up and password-reset by default; this project has no end-user accounts.
 * A permission an administrator grants the Public role in Settings → Roles is taken back at the next start, and
 * the start-up log says so.
 */
export async function closePublicRole(strapi: Core.Strapi) {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions plugin has no Public role: cannot close the core content API.');
  const granted: { id: number; action: string }[] = await permissions.findMany({ where: { role: role.id }, select: ['id', 'action'] });
  if (!granted.length) return;
  await permissions.deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
  strapi.log.info(
    `Public role: took back ${granted.map((p) => p.action).join(', ')} — the public reads only through /api/v1 and the pages built on it.`
  );
}
