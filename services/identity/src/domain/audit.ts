import { v7 as uuidv7 } from 'uuid'
import { type AuditEntry, type Db, json } from './db.js'

/**
 * Sensitive actions recorded for admins. Entries name people by id only (never an email), so
 * that erasing a person leaves no personal data here: their id no longer leads anywhere.
 */
export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'session.revoked'
  | 'sessions.revoked-all'
  | 'refresh-token.reused'
  | 'password.changed'
  | 'password.reset'
  | 'roles.changed'
  | 'keys.rotated'
  | 'user.erased'
  | 'organisation.created'
  | 'organisation.updated'
  | 'organisation.verified'
  | 'claim.submitted'
  | 'claim.decided'
  | 'claim.withdrawn'
  | 'membership.granted'
  | 'membership.revoked'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'advisor.assigned'
  | 'advisor.unassigned'
  | 'consent.granted'
  | 'consent.revoked'
  | 'operator.created'
  | 'operator.updated'

export interface AuditInput {
  actorId: string | null
  action: AuditAction
  targetType?: string
  targetId?: string | null
  ip?: string | null
  data?: Record<string, unknown>
}

export async function audit(db: Db, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      data: json(entry.data ?? {}),
    })
    .execute()
}

export interface AuditFilter {
  action?: string | undefined
  actorId?: string | undefined
  targetId?: string | undefined
  from?: string | undefined
  to?: string | undefined
  limit: number
  offset: number
}

export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  let q = db.selectFrom('audit_log')
  if (f.action)
    q = f.action.endsWith('.*')
      ? q.where('action', 'like', `${f.action.slice(0, -1)}%`)
      : q.where('action', '=', f.action)
  if (f.actorId) q = q.where('actor_id', '=', f.actorId)
  if (f.targetId) q = q.where('target_id', '=', f.targetId)
  if (f.from) q = q.where('at', '>=', new Date(f.from))
  if (f.to) q = q.where('at', '<', new Date(f.to))
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}
