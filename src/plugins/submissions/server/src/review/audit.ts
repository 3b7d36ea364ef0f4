import type { Core } from '@strapi/strapi';

export const AUDIT_ENTRY = 'plugin::submissions.audit-entry';

export type AuditAction =
  | 'submitted'
  | 'status_changed'
  | 'consent_withdrawn'
  | 'channel_withdrawn'
  | 'data_accessed'
  | 'personal_data_erased'
  | 'content_reported'
  | 'personal_link_issued';

export type ActorType = 'editor' | 'submitter' | 'public' | 'system';

/** Who did something: an editor by name and e-mail, the submitter via the withdrawal link, the public, the system. */
export interface Actor {
  actor: string;
  actorType: ActorType;
}

export interface AuditEntry {
  storyDocumentId: string;
  referenceNumber?: string | null;
  action: AuditAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor: string;
  actorType: ActorType;
  /** What was done, in words an editor can read, plus what a later check needs (scope, erased fields, …). */
  details?: Record<string, unknown>;
  at?: Date;
}

export interface StoredAuditEntry {
  id: number;
  storyDocumentId: string;
  referenceNumber: string | null;
  action: AuditAction;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  actorType: ActorType;
  details: Record<string, unknown> | null;
  at: string;
}

/**
 * The editorial record of a story: every status change, withdrawal, erasure and content notice, written once and never
 * edited. Rows go through the query engine (no Document Service), so recording never re-enters story middlewares.
 */
export async function recordAudit(strapi: Core.Strapi, entry: AuditEntry): Promise<void> {
  await strapi.db.query(AUDIT_ENTRY).create({
    data: {
      storyDocumentId: entry.storyDocumentId,
      referenceNumber: entry.referenceNumber ?? null,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      actor: entry.actor.slice(0, 250),
      actorType: entry.actorType,
      details: entry.details ?? null,
      at: (entry.at ?? new Date()).toISOString(),
    },
  });
}

/** A story's history, oldest first. */
export async function auditTrail(strapi: Core.Strapi, storyDocumentId: string): Promise<StoredAuditEntry[]> {
  return (await strapi.db.query(AUDIT_ENTRY).findMany({ where: { storyDocumentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })) as StoredAuditEntry[];
}
