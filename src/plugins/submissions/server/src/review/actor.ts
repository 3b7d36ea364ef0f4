import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import type { Actor } from './audit';

/**
 * Who is changing a story, for the audit trail. A review action names its actor (and a note) explicitly for the
 * Document Service calls it makes; otherwise the admin user of the current request is the actor (the content
 * manager), and without one the system is (seeding, scripts, tests).
 */

interface ReviewContext {
  actor?: Actor;
  note?: string | null;
}

const context = new AsyncLocalStorage<ReviewContext>();

export const SYSTEM: Actor = { actor: 'System', actorType: 'system' };
export const SUBMITTER_VIA_LINK: Actor = { actor: 'Einreichende Person (Link aus der Bestätigungs-E-Mail)', actorType: 'submitter' };
export const PUBLIC_VISITOR: Actor = { actor: 'Besucherin oder Besucher der Website', actorType: 'public' };

interface AdminUserLike {
  id?: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export function editorActor(user: AdminUserLike): Actor {
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  const label = name && user.email ? `${name} <${user.email}>` : name || user.email || `Admin #${user.id ?? '?'}`;
  return { actor: label, actorType: 'editor' };
}

/** Runs `work` with an explicit actor and note: the review middleware records them for the changes it sees. */
export const withReviewContext = <T>(value: ReviewContext, work: () => Promise<T>): Promise<T> => context.run(value, work);

export const reviewNote = (): string | null => context.getStore()?.note ?? null;

export function currentActor(strapi: Core.Strapi): Actor {
  const explicit = context.getStore()?.actor;
  if (explicit) return explicit;
  const state = (strapi.requestContext.get() as { state?: { user?: AdminUserLike; auth?: { strategy?: { name?: string } } } } | undefined)?.state;
  // Only a user signed in to the admin is an editor; a REST client with a token is not.
  return state?.user && state.auth?.strategy?.name === 'admin' ? editorActor(state.user) : SYSTEM;
}
