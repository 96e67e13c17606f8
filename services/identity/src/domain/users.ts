import { IdentityEvents, PAGES } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import { audit } from './audit.js'
import type { Ctx, RequestMeta } from './context.js'
import { normaliseEmail, randomToken, sha256 } from './crypto.js'
import type { Db, OneTimeTokenKind, User } from './db.js'
import { CurrentPasswordRequired, EmailNotVerified, InvalidCredentials, InvalidLinkToken } from './errors.js'
import { hashPassword, needsRehash, verifyPassword } from './passwords.js'
import { issue, revokeAllSessions, startSession, type TokenPair } from './tokens.js'

export const userSnapshot = (u: User) => ({
  userId: u.id,
  email: u.email ?? '',
  displayName: u.display_name,
  platformRoles: [...u.platform_roles],
  operatorId: u.operator_id,
})

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .where('status', '=', 'active')
    .executeTakeFirst()
}

export async function getUser(db: Db, id: string): Promise<User> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!user) throw new NotFound('User')
  return user
}

/** Creates an account in the caller's transaction and records UserRegistered. */
export async function createUser(
  trx: Db,
  input: { id?: string; email: string; displayName?: string | null; verified?: boolean },
): Promise<User> {
  const user = await trx
    .insertInto('users')
    .values({
      id: input.id ?? uuidv7(),
      email: normaliseEmail(input.email),
      email_verified_at: input.verified ? new Date() : null,
      display_name: input.displayName ?? null,
      job_title: null,
      password_hash: null,
      password_changed_at: null,
      platform_roles: JSON.stringify([]) as never,
      operator_id: null,
      last_login_at: null,
      erased_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordEvent(trx, IdentityEvents.UserRegistered, user.id, userSnapshot(user))
  return user
}

/** Email links open web pages (whose button or form POSTs the token), never an API route. */
const LINK_PATHS: Record<OneTimeTokenKind, string> = {
  'magic-link': PAGES.magicLink,
  'email-verification': PAGES.verifyEmail,
  'password-reset': PAGES.resetPassword,
}

function linkUrl(ctx: Ctx, kind: OneTimeTokenKind, token: string): string {
  const base =
    (kind === 'magic-link'
      ? ctx.config.MAGIC_LINK_URL
      : kind === 'email-verification'
        ? ctx.config.EMAIL_VERIFICATION_URL
        : ctx.config.PASSWORD_RESET_URL) ?? `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${LINK_PATHS[kind]}`
  const url = new URL(base)
  url.searchParams.set('token', token)
  return url.toString()
}

function ttlOf(ctx: Ctx, kind: OneTimeTokenKind): number {
  return kind === 'magic-link'
    ? ctx.config.MAGIC_LINK_TTL_SECONDS
    : kind === 'email-verification'
      ? ctx.config.EMAIL_VERIFICATION_TTL_SECONDS
      : ctx.config.PASSWORD_RESET_TTL_SECONDS
}

const EVENT_OF = {
  'magic-link': IdentityEvents.MagicLinkRequested,
  'email-verification': IdentityEvents.EmailVerificationRequested,
  'password-reset': IdentityEvents.PasswordResetRequested,
} as const

/**
 * Issues a single-use link (stored as its SHA-256) and records the event carrying its URL, which
 * the notifications service emails. Earlier unused links of the same kind stop working.
 */
export async function issueLink(ctx: Ctx, trx: Db, user: User, kind: OneTimeTokenKind): Promise<void> {
  if (!user.email) return
  const token = randomToken(kind === 'magic-link' ? 'osm' : kind === 'email-verification' ? 'osv' : 'osp')
  const expiresAt = new Date(Date.now() + ttlOf(ctx, kind) * 1000)
  await trx
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', user.id)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .execute()
  await trx
    .insertInto('one_time_tokens')
    .values({ token_hash: sha256(token), kind, user_id: user.id, expires_at: expiresAt, used_at: null })
    .execute()
  await recordEvent(trx, EVENT_OF[kind], user.id, {
    userId: user.id,
    email: user.email,
    url: linkUrl(ctx, kind, token),
    expiresAt: expiresAt.toISOString(),
  })
}

/** Consumes a link token once; anything else (unknown, expired, used, other kind) is refused alike. */
async function consumeLink(trx: Db, kind: OneTimeTokenKind, token: string): Promise<User> {
  const row = await trx
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('user_id')
    .executeTakeFirst()
  if (!row) throw new InvalidLinkToken()
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', row.user_id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!user) throw new InvalidLinkToken()
  return user
}

async function markVerified(trx: Db, user: User): Promise<User> {
  if (user.email_verified_at) return user
  return trx
    .updateTable('users')
    .set({ email_verified_at: new Date(), updated_at: new Date() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Registration. The answer is the same whether the email is new or not: a new address gets an
 * account and a verification link; a known one gets a sign-in link instead. No password here:
 * it is set once signed in (a password chosen before the address is proven would let someone
 * pre-register another person's email and keep a way in).
 */
export function register(ctx: Ctx, input: { email: string; displayName?: string | undefined }): void {
  ctx.background.run('register', async () => {
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await findUserByEmail(trx, input.email)
      if (existing) {
        await issueLink(ctx, trx, existing, existing.email_verified_at ? 'magic-link' : 'email-verification')
        return
      }
      const user = await createUser(trx, { email: input.email, displayName: input.displayName ?? null })
      await issueLink(ctx, trx, user, 'email-verification')
    })
  })
}

/** Sends a link of `kind` to the account with this email, if any; the caller answers the same either way. */
export function requestLink(
  ctx: Ctx,
  email: string,
  kind: 'magic-link' | 'password-reset' | 'email-verification',
): void {
  ctx.background.run(kind, async () => {
    await ctx.db.transaction().execute(async (trx) => {
      const user = await findUserByEmail(trx, email)
      if (!user) return
      if (kind === 'email-verification' && user.email_verified_at) return
      await issueLink(ctx, trx, user, kind)
    })
  })
}

/** A magic link or a verification link signs the person in (both prove they own the address). */
export async function signInWithLink(
  ctx: Ctx,
  kind: 'magic-link' | 'email-verification',
  token: string,
  meta: RequestMeta,
): Promise<TokenPair> {
  const pending = await ctx.db.transaction().execute(async (trx) => {
    const user = await markVerified(trx, await consumeLink(trx, kind, token))
    return startSession(ctx, trx, user, kind, meta)
  })
  return issue(ctx, pending)
}

export async function signInWithPassword(
  ctx: Ctx,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<TokenPair> {
  const user = await findUserByEmail(ctx.db, input.email)
  // Unknown email, no password or a wrong one: same work (one argon2 verification), same answer.
  const ok = await verifyPassword(user?.password_hash ?? null, input.password)
  if (!user || !ok) {
    if (user)
      ctx.background.run('audit', () =>
        audit(ctx.db, {
          actorId: user.id,
          action: 'login.failed',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
        }),
      )
    throw new InvalidCredentials()
  }
  if (!user.email_verified_at) throw new EmailNotVerified()
  if (user.password_hash && needsRehash(user.password_hash)) {
    const hash = await hashPassword(input.password)
    await ctx.db.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute()
  }
  return issue(
    ctx,
    await ctx.db.transaction().execute((trx) => startSession(ctx, trx, user, 'password', meta)),
  )
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(
  ctx: Ctx,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const hash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    const user = await markVerified(trx, await consumeLink(trx, 'password-reset', token))
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute()
    await revokeAllSessions(trx, user.id, 'password-reset')
    await audit(trx, {
      actorId: user.id,
      action: 'password.reset',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    })
  })
}

/** Sets or changes one's password; changing an existing one needs it. Other sessions end. */
export async function changePassword(
  ctx: Ctx,
  user: User,
  input: { currentPassword?: string | undefined; newPassword: string },
  currentSessionId: string | null,
  meta: RequestMeta,
): Promise<void> {
  if (user.password_hash && !(await verifyPassword(user.password_hash, input.currentPassword ?? '')))
    throw new CurrentPasswordRequired()
  const hash = await hashPassword(input.newPassword)
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute()
    let q = trx
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: 'password-changed' })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
    if (currentSessionId) q = q.where('id', '!=', currentSessionId)
    await q.execute()
    await audit(trx, {
      actorId: user.id,
      action: 'password.changed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    })
  })
}

export async function updateProfile(
  ctx: Ctx,
  user: User,
  patch: { displayName?: string | null | undefined; jobTitle?: string | null | undefined },
): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName?.trim() || null } : {}),
        ...(patch.jobTitle !== undefined ? { job_title: patch.jobTitle?.trim() || null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, IdentityEvents.UserUpdated, updated.id, userSnapshot(updated))
    return updated
  })
}
