import request from 'supertest';
import type { Core } from '@strapi/strapi';

let counter = 0;

const PASSWORD = 'Testpasswort1';
/*
 * bcrypt of PASSWORD with cost 4. Strapi hashes an administrator's password with cost 10: 0.1 s of CPU for the hash
 * and again for each login, twice per token, a few dozen times per pass. The login checks the password at the cost
 * its hash names, so a test administrator stored with this one logs in as any other does, quickly.
 */
const PASSWORD_HASH = '$2a$04$d.LIyftP.WNpDvgdM3wNZ.26gGuiVGEmdw5kTW6l0WVycgEvjOGky';

/** Creates an admin user with the given role code and returns a JWT for the admin API, from the login route. */
export async function adminToken(strapi: Core.Strapi, roleCode = 'strapi-super-admin'): Promise<string> {
  counter += 1;
  const email = `editor${counter}-${Date.now()}@example.org`;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const user = await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Redaktion',
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { password: PASSWORD_HASH } });
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}
