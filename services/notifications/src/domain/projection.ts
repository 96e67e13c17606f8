import { sql } from 'kysely'
import { type DbOrTrx, json, type Trx, type User } from './db.js'

/**
 * The local projection of identity: people (name, email, platform roles, operator), their
 * memberships and the collectivités' names and operators. Fed by identity's events only.
 */

export async function isErased(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('erased_users')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

export async function upsertUser(
  trx: Trx,
  u: {
    userId: string
    email: string
    displayName: string | null
    platformRoles: string[]
    operatorId: string | null
  },
): Promise<void> {
  // A late or replayed event never brings an erased person back.
  if (await isErased(trx, u.userId)) return
  const values = {
    email: u.email.trim(),
    display_name: u.displayName,
    platform_roles: json(u.platformRoles),
    operator_id: u.operatorId,
  }
  await trx
    .insertInto('users')
    .values({ user_id: u.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute()
}

/**
 * GDPR erasure: the person's projection, memberships, preferences, inbox, digest items and every
 * email not yet sent to them are deleted; a tombstone (the id only) makes sure nothing is ever
 * sent to them again, even if an older event arrives later.
 */
export async function eraseUser(trx: Trx, userId: string): Promise<void> {
  const user = await trx.selectFrom('users').select('email').where('user_id', '=', userId).executeTakeFirst()
  await trx
    .insertInto('erased_users')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
  // Notifications addressed by user id (deliveries cascade), then those addressed to their email only.
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute()
  if (user) {
    const email = user.email.trim().toLowerCase()
    await trx
      .deleteFrom('notifications')
      .where('user_id', 'is', null)
      .where('recipient', '=', email)
      .execute()
    await trx.deleteFrom('deliveries').where('recipient', '=', email).execute()
  }
  await trx.deleteFrom('deliveries').where('recipient', '=', userId).execute()
  await trx.deleteFrom('digest_items').where('user_id', '=', userId).execute()
  await trx.deleteFrom('preferences').where('user_id', '=', userId).execute()
  await trx.deleteFrom('digest_settings').where('user_id', '=', userId).execute()
  await trx.deleteFrom('memberships').where('user_id', '=', userId).execute()
  await trx.deleteFrom('users').where('user_id', '=', userId).execute()
}

export async function upsertOrganisation(
  trx: Trx,
  o: { organisationId: string; name: string; operatorId: string | null },
): Promise<void> {
  await trx
    .insertInto('organisations')
    .values({ organisation_id: o.organisationId, name: o.name, operator_id: o.operatorId })
    .onConflict((oc) =>
      oc
        .column('organisation_id')
        .doUpdateSet({ name: o.name, operator_id: o.operatorId, updated_at: sql`now()` }),
    )
    .execute()
}

export async function setWeakThemes(trx: Trx, organisationId: string, themes: string[]): Promise<void> {
  await trx
    .updateTable('organisations')
    .set({ weak_themes: json(themes), updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .execute()
}

export async function grantMembership(
  trx: Trx,
  m: { organisationId: string; userId: string; role: string; referent: boolean },
): Promise<void> {
  if (await isErased(trx, m.userId)) return
  await trx
    .insertInto('memberships')
    .values({ organisation_id: m.organisationId, user_id: m.userId, role: m.role, referent: m.referent })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role: m.role, referent: m.referent }),
    )
    .execute()
}

export async function revokeMembership(trx: Trx, organisationId: string, userId: string): Promise<void> {
  await trx
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute()
}

export async function organisation(db: DbOrTrx, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['organisation_id', 'name', 'operator_id', 'weak_themes'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

// --- recipients ---

export async function usersByIds(db: DbOrTrx, ids: string[]): Promise<User[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  return db.selectFrom('users').selectAll().where('user_id', 'in', unique).orderBy('user_id').execute()
}

export async function membersOf(db: DbOrTrx, organisationId: string): Promise<User[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.user_id')
    .selectAll('u')
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.user_id')
    .execute()
}

/** People with a platform role; with `operatorId`, those of that operator or national ones. */
export async function withRole(
  db: DbOrTrx,
  role: 'editor' | 'advisor' | 'admin',
  scope: { operatorId: string | null } | 'all',
): Promise<User[]> {
  let q = db
    .selectFrom('users')
    .selectAll()
    .where(sql<boolean>`platform_roles @> ${json([role])}::jsonb`)
  if (scope !== 'all') {
    const { operatorId } = scope
    q = operatorId
      ? q.where((eb) => eb.or([eb('operator_id', 'is', null), eb('operator_id', '=', operatorId)]))
      : q.where('operator_id', 'is', null)
  }
  return q.orderBy('user_id').execute()
}

/** Operators a person relates to: their own (staff) and those of their collectivités. */
export async function operatorsOf(db: DbOrTrx, user: User): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.organisation_id', 'm.organisation_id')
    .select('o.operator_id')
    .where('m.user_id', '=', user.user_id)
    .execute()
  const set = new Set<string>()
  if (user.operator_id) set.add(user.operator_id)
  for (const r of rows) if (r.operator_id) set.add(r.operator_id)
  return set
}

/**
 * Thrown when an event refers to a person or collectivité this projection has not received yet
 * (each event type has its own consumer, so identity's events may arrive later): the kit retries
 * the event with back-off, and dead-letters it (replayable) if the projection never catches up.
 */
export class ProjectionLagError extends Error {}

/** Consumer options of events that may wait for the projection. */
export const WAITS_FOR_PROJECTION = { maxAttempts: 8, backoffMs: 500, maxBackoffMs: 30_000 }

/**
 * The projected person an event is about: null when they were erased (nothing to send), a
 * ProjectionLagError (retried later) when identity's events have not reached us yet.
 */
export async function knownUser(db: DbOrTrx, userId: string): Promise<User | null> {
  const [user] = await usersByIds(db, [userId])
  if (user) return user
  if (await isErased(db, userId)) return null
  throw new ProjectionLagError(`user ${userId} is not in the projection yet`)
}
