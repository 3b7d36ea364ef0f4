import request from 'supertest';
import type { Core } from '@strapi/strapi';

let counter = 0;

/** Creates an admin user with the given role code and returns a JWT for the admin API. */
export async function adminToken(strapi: Core.Strapi, roleCode = 'strapi-super-admin'): Promise<string> {
  counter += 1;
  const email = `editor${counter}-${Date.now()}@example.org`;
  const password = 'Testpasswort1';
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Redaktion',
    password,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}
