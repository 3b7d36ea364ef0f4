import type { Core } from '@strapi/strapi';

/**
 * Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD so a fresh installation (and the demo) can be
 * logged into without the registration screen. An existing account is never changed.
 */
export async function ensureAdminAccount(strapi: Core.Strapi) {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists({ email })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('No Super Admin role exists yet: cannot create the account from ADMIN_EMAIL.');
  await users.create({
    email,
    firstname: 'Geschäftsstelle',
    lastname: 'Niedersachsen packt an',
    password,
    isActive: true,
    preferedLanguage: 'de',
    roles: [superAdmin.id],
    registrationToken: null,
  });
  strapi.log.info(`Created the administrator account ${email}.`);
}
