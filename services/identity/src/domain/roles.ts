import { IdentityEvents, type PlatformRole } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { Conflict, FieldsError } from '@osinum/service-kit'
import { sql } from 'kysely'
import { type Actor, requireAdmin } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import { type Db, json, type User } from './db.js'
import { recordRevocation } from './revocations.js'
import { getUser, userSnapshot } from './users.js'

/** Platform roles are granted by admins only. An advisor belongs to an operator. */
export async function setRoles(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  input: { roles: PlatformRole[]; operatorId?: string | null | undefined },
): Promise<User> {
  requireAdmin(actor)
  const user = await getUser(ctx.db, userId)
  const roles = [...new Set(input.roles)].sort() as PlatformRole[]
  const operatorId = input.operatorId === undefined ? user.operator_id : input.operatorId
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
  if (user.platform_roles.includes('admin') && !roles.includes('admin')) {
    const others = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'active')
      .where('id', '!=', user.id)
      .where(sql<boolean>`platform_roles @> '["admin"]'::jsonb`)
      .executeTakeFirstOrThrow()
    if (Number(others.n) === 0) throw new Conflict('The instance needs at least one admin')
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

export async function listUsers(
  db: Db,
  f: {
    q?: string | undefined
    role?: PlatformRole | undefined
    operatorId?: string | undefined
    limit: number
    offset: number
  },
) {
  let q = db.selectFrom('users').where('status', '=', 'active')
  if (f.q)
    q = q.where(
      sql<boolean>`(email like ${`%${f.q.trim().toLowerCase()}%`} or public.osinum_unaccent(lower(coalesce(display_name, ''))) like public.osinum_unaccent(lower(${`%${f.q.trim()}%`})))`,
    )
  if (f.role) q = q.where(sql<boolean>`platform_roles @> ${JSON.stringify([f.role])}::jsonb`)
  if (f.operatorId) q = q.where('operator_id', '=', f.operatorId)
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}
