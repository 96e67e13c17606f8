import { IdentityEvents, PAGES } from '@osinum/contracts'
import { enqueueJob, recordEvent, type ServiceEvents } from '@osinum/events'
import { NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import { audit } from './audit.js'
import type { Ctx, RequestMeta } from './context.js'
import { normaliseEmail, randomToken, sha256 } from './crypto.js'
import type { Db, OneTimeTokenKind, User } from './db.js'
import { CurrentPasswordRequired, EmailNotVerified, InvalidCredentials, InvalidLinkToken } from './errors.js'
import { assertStrongPassword, type PasswordContext } from './password-strength.js'
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

/** The single-use links sent by email (an OIDC exchange code is a one-time token too, but no link). */
type LinkKind = Exclude<OneTimeTokenKind, 'oidc-exchange'>

/** Email links open web pages (whose button or form POSTs the token), never an API route. */
const LINK_PATHS: Record<LinkKind, string> = {
  'magic-link': PAGES.magicLink,
  'email-verification': PAGES.verifyEmail,
  'password-reset': PAGES.resetPassword,
}

function linkUrl(ctx: Ctx, kind: LinkKind, token: string): string {
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

function ttlOf(ctx: Ctx, kind: LinkKind): number {
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
export async function issueLink(ctx: Ctx, trx: Db, user: User, kind: LinkKind): Promise<void> {
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
export async function consumeLink(trx: Db, kind: OneTimeTokenKind, token: string): Promise<User> {
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

/** Jobs identity runs after answering 202 (durable: committed before the answer). */
interface RegisterJob {
  email: string
  displayName: string | null
}
interface LinkJob {
  email: string
  kind: LinkKind
}
interface LoginFailedJob {
  email: string
  ip: string | null
}

/**
 * Declares identity's jobs. The requests that answer the same whether the address exists or not
 * (register, magic link, password reset, verification, a failed login's audit) only record a job
 * (one INSERT, the same for every address) before answering; the lookups and writes for a real
 * account happen here, retried until done, also across a restart or a database outage.
 */
export function defineUserJobs(ctx: Ctx, events: ServiceEvents): void {
  events.job<RegisterJob>('register', async ({ trx, payload }) => {
    const existing = await findUserByEmail(trx as Db, payload.email)
    if (existing) {
      await issueLink(
        ctx,
        trx as Db,
        existing,
        existing.email_verified_at ? 'magic-link' : 'email-verification',
      )
      return
    }
    const user = await createUser(trx as Db, { email: payload.email, displayName: payload.displayName })
    await issueLink(ctx, trx as Db, user, 'email-verification')
  })
  events.job<LinkJob>('link', async ({ trx, payload }) => {
    const user = await findUserByEmail(trx as Db, payload.email)
    if (!user) return
    if (payload.kind === 'email-verification' && user.email_verified_at) return
    await issueLink(ctx, trx as Db, user, payload.kind)
  })
  events.job<LoginFailedJob>('login-failed', async ({ trx, payload }) => {
    const user = await findUserByEmail(trx as Db, payload.email)
    if (!user) return
    await audit(trx as Db, {
      actorId: user.id,
      action: 'login.failed',
      targetType: 'user',
      targetId: user.id,
      ip: payload.ip,
    })
  })
}

/**
 * Registration. The answer is the same whether the email is new or not: a new address gets an
 * account and a verification link; a known one gets a sign-in link instead (the `register` job).
 * No password here: it is set once signed in (a password chosen before the address is proven
 * would let someone pre-register another person's email and keep a way in).
 */
export async function register(
  ctx: Ctx,
  input: { email: string; displayName?: string | undefined },
): Promise<void> {
  await enqueueJob(ctx.db, 'register', { email: input.email, displayName: input.displayName ?? null })
}

/** Sends a link of `kind` to the account with this email, if any; the caller answers the same either way. */
export async function requestLink(ctx: Ctx, email: string, kind: LinkKind): Promise<void> {
  await enqueueJob(ctx.db, 'link', { email, kind })
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
    // Recorded for every address alike (same work): the job audits it if the account exists.
    await enqueueJob(ctx.db, 'login-failed', { email: input.email, ip: meta.ip })
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

/** What a password must not contain: the person's email, name and collectivités' names. */
export async function passwordContext(db: Db, user: User): Promise<PasswordContext> {
  const organisations = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select('organisations.name')
    .where('memberships.user_id', '=', user.id)
    .execute()
  return {
    email: user.email,
    displayName: user.display_name,
    organisationNames: organisations.map((o) => o.name),
  }
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(
  ctx: Ctx,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  // The strength is checked before the link is used up: a refused password can be corrected.
  const holder = await ctx.db
    .selectFrom('one_time_tokens')
    .innerJoin('users', 'users.id', 'one_time_tokens.user_id')
    .selectAll('users')
    .where('one_time_tokens.token_hash', '=', sha256(token))
    .where('one_time_tokens.kind', '=', 'password-reset')
    .where('one_time_tokens.used_at', 'is', null)
    .where('one_time_tokens.expires_at', '>', new Date())
    .where('users.status', '=', 'active')
    .executeTakeFirst()
  if (!holder) throw new InvalidLinkToken()
  await assertStrongPassword(password, await passwordContext(ctx.db, holder), 'password')
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
  await assertStrongPassword(input.newPassword, await passwordContext(ctx.db, user), 'newPassword')
  const hash = await hashPassword(input.newPassword)
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute()
    await revokeAllSessions(trx, user.id, 'password-changed', { except: currentSessionId })
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
