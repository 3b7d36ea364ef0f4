import type { Core } from '@strapi/strapi';

/**
 * Whether a request carries the bearer token of a logged-in, active admin user — checked the way Strapi's own
 * admin strategy checks it (access token, live session, active user), for a route that also serves signed links
 * and therefore cannot declare admin authentication itself.
 */

interface SessionManager {
  (origin: 'admin'): {
    validateAccessToken(token: string): { isValid: boolean; payload?: { userId: string; sessionId: string } };
    isSessionActive(sessionId: string): Promise<boolean>;
  };
}

export async function isEditorRequest(strapi: Core.Strapi, authorization: string | undefined): Promise<boolean> {
  const [scheme, token, ...rest] = (authorization ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length) return false;
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!manager) return false;
  const result = manager('admin').validateAccessToken(token);
  if (!result.isValid || !result.payload) return false;
  if (!(await manager('admin').isSessionActive(result.payload.sessionId))) return false;
  const id = Number(result.payload.userId);
  const user = await strapi.db.query('admin::user').findOne({ where: { id: Number.isFinite(id) ? id : result.payload.userId }, select: ['isActive'] });
  return user?.isActive === true;
}
