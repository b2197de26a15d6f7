// The audit log: one row per change, written in the same transaction as the change.
import { asc, desc, eq, and } from 'drizzle-orm';
import type { Db } from '../open';
import { auditLog } from '../schema';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: unknown;
}

export function appendAudit(db: Db, e: AuditEntry): void {
  db.insert(auditLog)
    .values({ at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId ?? null, details: e.details ?? null })
    .run();
}

export function readAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number } = {}): (AuditEntry & { id: number })[] {
  const where = and(filter.entity === undefined ? undefined : eq(auditLog.entity, filter.entity), filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId));
  const q = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(filter.limit === undefined ? asc(auditLog.id) : desc(auditLog.id));
  return (filter.limit === undefined ? q.all() : q.limit(filter.limit).all()).map((r) => ({ ...r, details: r.details ?? undefined }));
}
