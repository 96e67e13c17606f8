import { IdentityEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import type { CommandContext } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import { keyStoreFor } from './app.js'
import type { IdentityConfig } from './config.js'
import { audit } from './domain/audit.js'
import { normaliseEmail } from './domain/crypto.js'
import { type Database, json } from './domain/db.js'
import { recordRevocation } from './domain/revocations.js'
import { createUser, findUserByEmail, userSnapshot } from './domain/users.js'

type Command = (ctx: CommandContext<IdentityConfig>, args: string[]) => Promise<void>

/**
 * `rotate-keys`: a new signing key signs from now on; the previous one stays in the JWKS until
 * the tokens it signed have expired (access-token lifetime + KEY_RETIRE_MARGIN_SECONDS), then is
 * removed (by the next rotation, and from the JWKS at once). Running identity processes pick the
 * new key up within SIGNING_KEYS_RELOAD_SECONDS.
 */
export const rotateKeys: Command = async (ctx) => {
  const keys = keyStoreFor(ctx)
  await keys.init()
  const result = await keys.rotate()
  ctx.log(`new signing key ${result.kid}`)
  for (const r of result.retired) ctx.log(`retired ${r.kid}: verifies until ${r.expiresAt.toISOString()}`)
  for (const kid of result.removed) ctx.log(`removed ${kid}`)
}

/** `grant-admin <email>`: the first admin of a new instance (the account is created if needed). */
export const grantAdmin: Command = async (ctx, args) => {
  const email = args[0]
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('usage: grant-admin <email>')
  const db = ctx.db as Kysely<Database>
  await db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, email)
    user ??= await createUser(trx, { email: normaliseEmail(email), verified: true })
    if (user.platform_roles.includes('admin') && user.operator_id === null) {
      ctx.log(`${user.id} is already an admin`)
      return
    }
    // The platform admin: an admin bound to no operator (packages/contracts scope.ts).
    const roles = [...new Set([...user.platform_roles, 'admin'])]
    const updated = await trx
      .updateTable('users')
      .set({ platform_roles: json(roles) as never, operator_id: null, updated_at: new Date() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, IdentityEvents.UserUpdated, user.id, userSnapshot(updated))
    await recordRevocation(trx, { userId: user.id, issuedBefore: new Date(), reason: 'roles-changed' })
    await audit(trx, {
      actorId: null,
      action: 'roles.changed',
      targetType: 'user',
      targetId: user.id,
      data: { to: roles, operatorId: null, previousOperatorId: user.operator_id },
    })
    ctx.log(`${user.id} is now an admin (sign in with a magic link sent to ${user.email})`)
  })
}
