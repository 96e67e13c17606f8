import { IdentityEvents, type PlatformRole } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { Conflict, FieldsError, Forbidden, NotFound } from '@osinum/service-kit'
import { type ExpressionBuilder, sql } from 'kysely'
import { type Actor, administeredOperator } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import { type Database, type Db, json, type User } from './db.js'
import { recordRevocation } from './revocations.js'
import { userSnapshot } from './users.js'

/** Roles an operator's administrator may give, always within its operator. */
const OPERATOR_GRANTABLE: readonly PlatformRole[] = ['advisor', 'editor']

/** People an operator's administrator sees: its staff, and the members of its collectivités. */
const ofOperator = (operatorId: string) => (eb: ExpressionBuilder<Database, 'users'>) =>
  eb.or([
    eb('users.operator_id', '=', operatorId),
    eb(
      'users.id',
      'in',
      eb
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select('memberships.user_id')
        .where('organisations.operator_id', '=', operatorId),
    ),
  ])

/**
 * An account as an admin may see it: the platform admin any, an operator's administrator those of
 * its operator (404 otherwise: their existence is not told); anyone else 403.
 */
export async function visibleUser(db: Db, actor: Actor, id: string): Promise<User> {
  const operatorId = administeredOperator(actor)
  if (!actor.isPlatformAdmin && !operatorId) throw new Forbidden()
  let q = db.selectFrom('users').selectAll().where('id', '=', id).where('status', '=', 'active')
  if (operatorId) q = q.where(ofOperator(operatorId))
  const user = await q.executeTakeFirst()
  if (!user) throw new NotFound('User')
  return user
}

const isPlatformAdminUser = (u: { platform_roles: readonly PlatformRole[]; operator_id: string | null }) =>
  u.platform_roles.includes('admin') && u.operator_id === null

/**
 * Platform roles. The platform admin grants any role, national (no operator) or scoped to an
 * operator, operator administrators included. An operator's administrator makes advisors and
 * editors of its own operator out of the people it sees (its staff, the members of its
 * collectivités), and takes those roles back; it never grants `admin` nor touches admins or the
 * staff of another operator (403). An advisor belongs to an operator.
 */
export async function setRoles(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  input: { roles: PlatformRole[]; operatorId?: string | null | undefined },
): Promise<User> {
  const user = await visibleUser(ctx.db, actor, userId)
  const roles = [...new Set(input.roles)].sort() as PlatformRole[]
  let operatorId = input.operatorId === undefined ? user.operator_id : input.operatorId
  const administered = administeredOperator(actor)
  if (administered) {
    if (user.platform_roles.includes('admin') || (user.operator_id && user.operator_id !== administered))
      throw new Forbidden()
    if (roles.some((r) => !OPERATOR_GRANTABLE.includes(r))) throw new Forbidden()
    const asked = input.operatorId
    if (asked !== undefined && asked !== administered && !(asked === null && roles.length === 0))
      throw new Forbidden()
    operatorId = roles.length ? administered : null
  }
  const errors: Array<{ field: string; message: string }> = []
  if (roles.includes('advisor') && !operatorId)
    errors.push({ field: 'operatorId', message: 'an advisor belongs to an operator' })
  if (operatorId) {
    const op = await ctx.db
      .selectFrom('operators')
      .select('id')
      .where('id', '=', operatorId)
      .executeTakeFirst()
    if (!op) errors.push({ field: 'operatorId', message: 'unknown operator' })
  }
  if (errors.length) throw new FieldsError(errors)
  if (
    isPlatformAdminUser(user) &&
    !isPlatformAdminUser({ platform_roles: roles, operator_id: operatorId ?? null })
  ) {
    const others = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'active')
      .where('id', '!=', user.id)
      .where('operator_id', 'is', null)
      .where(sql<boolean>`platform_roles @> '["admin"]'::jsonb`)
      .executeTakeFirstOrThrow()
    if (Number(others.n) === 0) throw new Conflict('The instance needs at least one platform admin')
  }
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ platform_roles: json(roles), operator_id: operatorId, updated_at: new Date() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, IdentityEvents.UserUpdated, user.id, userSnapshot(updated))
    // Tokens carrying the old roles or operator are refused everywhere (a fresh one carries the new).
    if (
      JSON.stringify(roles) !== JSON.stringify([...user.platform_roles].sort()) ||
      operatorId !== user.operator_id
    )
      await recordRevocation(trx, { userId: user.id, issuedBefore: new Date(), reason: 'roles-changed' })
    await audit(trx, {
      actorId: actor.user.id,
      action: 'roles.changed',
      targetType: 'user',
      targetId: user.id,
      data: { from: user.platform_roles, to: roles, operatorId, previousOperatorId: user.operator_id },
    })
    return updated
  })
}

/** Accounts an admin may list: every one (platform admin), those of its operator (an operator's administrator). */
export async function listUsers(
  db: Db,
  actor: Actor,
  f: {
    q?: string | undefined
    role?: PlatformRole | undefined
    operatorId?: string | undefined
    ids?: string[] | undefined
    limit: number
    offset: number
  },
) {
  const operatorId = administeredOperator(actor)
  if (!actor.isPlatformAdmin && !operatorId) throw new Forbidden()
  let q = db.selectFrom('users').where('status', '=', 'active')
  if (operatorId) q = q.where(ofOperator(operatorId))
  if (f.q)
    q = q.where(
      sql<boolean>`(email like ${`%${f.q.trim().toLowerCase()}%`} or public.osinum_unaccent(lower(coalesce(display_name, ''))) like public.osinum_unaccent(lower(${`%${f.q.trim()}%`})))`,
    )
  if (f.role) q = q.where(sql<boolean>`platform_roles @> ${JSON.stringify([f.role])}::jsonb`)
  if (f.operatorId) q = q.where('operator_id', '=', f.operatorId)
  if (f.ids?.length) q = q.where('id', 'in', f.ids)
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}
