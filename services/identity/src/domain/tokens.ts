import type { MembershipRole, PlatformRole } from '@osinum/contracts'
import { SignJWT } from 'jose'
import { v7 as uuidv7 } from 'uuid'
import { audit } from './audit.js'
import type { Ctx, RequestMeta } from './context.js'
import { randomToken, sha256 } from './crypto.js'
import type { Db, LoginMethod, User } from './db.js'
import { InvalidRefreshToken } from './errors.js'
import { type RevocationReason, recordRevocation } from './revocations.js'

export interface TokenPair {
  tokenType: 'Bearer'
  accessToken: string
  /** Seconds. */
  expiresIn: number
  refreshToken: string
  refreshExpiresIn: number
  sessionId: string
  userId: string
}

export interface AccessClaimsInput {
  sub: string
  sid: string
  email: string | null
  roles: PlatformRole[]
  op: string | null
  orgs: Array<{ id: string; role: MembershipRole; ref: boolean }>
}

/** The claims of an access token, read fresh from the database (roles and memberships of now). */
export async function claimsFor(db: Db, user: User, sessionId: string): Promise<AccessClaimsInput> {
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role', 'referent'])
    .where('user_id', '=', user.id)
    .orderBy('created_at')
    .execute()
  return {
    sub: user.id,
    sid: sessionId,
    email: user.email,
    roles: [...user.platform_roles],
    op: user.operator_id,
    orgs: memberships.map((m) => ({ id: m.organisation_id, role: m.role, ref: m.referent })),
  }
}

/** A signed access token, shaped exactly as the kit's auth plugin verifies it (`AccessClaims`). */
export async function signAccessToken(ctx: Ctx, claims: AccessClaimsInput): Promise<string> {
  const key = await ctx.keys.signingKey()
  const { sub, ...rest } = claims
  return new SignJWT({ typ: 'access', ...rest, email: rest.email ?? undefined })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(ctx.config.JWT_ISSUER)
    .setAudience(ctx.config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ctx.config.ACCESS_TOKEN_TTL_SECONDS)
    .setJti(uuidv7())
    .sign(key.privateKey)
}

async function newRefreshToken(db: Db, sessionId: string, expiresAt: Date): Promise<string> {
  const token = randomToken('osr')
  await db
    .insertInto('refresh_tokens')
    .values({ token_hash: sha256(token), session_id: sessionId, expires_at: expiresAt, used_at: null })
    .execute()
  return token
}

/** A session opened in a transaction, whose access token is signed once it has committed. */
export interface PendingPair {
  claims: AccessClaimsInput
  refreshToken: string
  refreshExpiresIn: number
}

/**
 * Signs the access token of a pending pair. Always called after the transaction: signing may
 * re-read the key table, and the embedded PGlite has a single connection.
 */
export async function issue(ctx: Ctx, pending: PendingPair): Promise<TokenPair> {
  return {
    tokenType: 'Bearer',
    accessToken: await signAccessToken(ctx, pending.claims),
    expiresIn: ctx.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshToken: pending.refreshToken,
    refreshExpiresIn: pending.refreshExpiresIn,
    sessionId: pending.claims.sid,
    userId: pending.claims.sub,
  }
}

/**
 * Opens a session (a refresh-token family) for a person who just proved who they are, in the
 * caller's transaction, and records the login in the audit log. Pass the result to `issue`
 * after the transaction.
 */
export async function startSession(
  ctx: Ctx,
  trx: Db,
  user: User,
  method: LoginMethod,
  meta: RequestMeta,
): Promise<PendingPair> {
  const sessionId = uuidv7()
  const ttl = ctx.config.REFRESH_TOKEN_TTL_SECONDS
  const expiresAt = new Date(Date.now() + ttl * 1000)
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: user.id,
      method,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
      expires_at: expiresAt,
      revoked_at: null,
      revoked_reason: null,
    })
    .execute()
  const refreshToken = await newRefreshToken(trx, sessionId, expiresAt)
  await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute()
  await audit(trx, {
    actorId: user.id,
    action: 'login.succeeded',
    targetType: 'session',
    targetId: sessionId,
    ip: meta.ip,
    data: { method },
  })
  return { claims: await claimsFor(trx, user, sessionId), refreshToken, refreshExpiresIn: ttl }
}

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a used one again
 * means it was stolen (or the client is broken), so the whole session is revoked.
 */
export async function refreshSession(ctx: Ctx, token: string, meta: RequestMeta): Promise<TokenPair> {
  const hash = sha256(token)
  const now = new Date()
  const result = await ctx.db
    .transaction()
    .execute(async (trx): Promise<{ pending: PendingPair } | { reused: string | null }> => {
      const used = await trx
        .updateTable('refresh_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', hash)
        .where('used_at', 'is', null)
        .returning(['session_id', 'expires_at'])
        .executeTakeFirst()
      if (!used) {
        const known = await trx
          .selectFrom('refresh_tokens')
          .select('session_id')
          .where('token_hash', '=', hash)
          .executeTakeFirst()
        return { reused: known?.session_id ?? null }
      }
      const session = await trx
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.revoked_at as session_revoked_at', 'sessions.expires_at as session_expires_at'])
        .where('sessions.id', '=', used.session_id)
        .executeTakeFirst()
      if (
        !session ||
        session.session_revoked_at ||
        session.session_expires_at <= now ||
        used.expires_at <= now ||
        session.status !== 'active'
      )
        throw new InvalidRefreshToken()
      const ttl = ctx.config.REFRESH_TOKEN_TTL_SECONDS
      const expiresAt = new Date(now.getTime() + ttl * 1000)
      await trx
        .updateTable('sessions')
        .set({ last_used_at: now, expires_at: expiresAt, ip: meta.ip ?? null })
        .where('id', '=', used.session_id)
        .execute()
      const refreshToken = await newRefreshToken(trx, used.session_id, expiresAt)
      const { session_revoked_at: _r, session_expires_at: _e, ...user } = session
      return {
        pending: { claims: await claimsFor(trx, user, used.session_id), refreshToken, refreshExpiresIn: ttl },
      }
    })
  if ('pending' in result) return issue(ctx, result.pending)
  if (result.reused) {
    // Reuse of a rotated token: revoke the family, in its own transaction so that it sticks.
    await ctx.db.transaction().execute(async (trx) => {
      const userId = await revokeSession(trx, result.reused!, 'refresh-token-reuse')
      if (userId)
        await audit(trx, {
          actorId: userId,
          action: 'refresh-token.reused',
          targetType: 'session',
          targetId: result.reused,
          ip: meta.ip,
        })
    })
    ctx.log.warn({ sessionId: result.reused }, 'refresh token reused: session revoked')
  }
  throw new InvalidRefreshToken()
}

/**
 * Ends a session (a refresh-token family) and tells every service to refuse its access tokens, in
 * the caller's transaction. Returns the session's user, or null when it was not active (or not
 * `ofUser`'s).
 */
export async function revokeSession(
  trx: Db,
  sessionId: string,
  reason: RevocationReason,
  ofUser?: string,
): Promise<string | null> {
  let q = trx
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
  if (ofUser) q = q.where('user_id', '=', ofUser)
  const row = await q.returning('user_id').executeTakeFirst()
  if (row) await recordRevocation(trx, { userId: row.user_id, sessionIds: [sessionId], reason })
  return row?.user_id ?? null
}

/**
 * Ends every session of a person (but `except`, the one asking, when given) and tells every
 * service to refuse their access tokens: without `except`, also every token of the person issued
 * until now. Returns how many sessions ended.
 */
export async function revokeAllSessions(
  trx: Db,
  userId: string,
  reason: RevocationReason,
  options: { except?: string | null } = {},
): Promise<number> {
  const now = new Date()
  let q = trx
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (options.except) q = q.where('id', '!=', options.except)
  const ended = await q.returning('id').execute()
  if (ended.length || !options.except)
    await recordRevocation(trx, {
      userId,
      sessionIds: ended.map((s) => s.id),
      issuedBefore: options.except ? null : now,
      reason,
    })
  return ended.length
}
