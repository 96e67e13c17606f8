import { IdentityEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { MAX_ACCESS_TOKEN_TTL_SECONDS } from '../config.js'
import type { Db } from './db.js'

/** Clock differences between identity and the services, and the kit's verification tolerance. */
const MARGIN_SECONDS = 60

export type RevocationReason =
  | 'logout'
  | 'session-revoked'
  | 'refresh-token-reuse'
  | 'logout-everywhere'
  | 'password-changed'
  | 'password-reset'
  | 'roles-changed'
  | 'membership-revoked'
  | 'membership-changed'
  | 'user-erased'

/**
 * Tells every service, in the caller's transaction, that some access tokens must be refused from
 * now on (`TokensRevoked`, consumed by the kit of each service): those of `sessionIds`, those of
 * the person issued before `issuedBefore` (their claims are stale: roles, memberships), or all of
 * them forever (erasure). Identity itself reads fresh data on each request (`loadActor`).
 */
export async function recordRevocation(
  trx: Db,
  r: {
    userId: string
    reason: RevocationReason
    sessionIds?: string[]
    issuedBefore?: Date | null
    forever?: boolean
  },
): Promise<void> {
  const now = Date.now()
  const from = Math.max(now, r.issuedBefore?.getTime() ?? now)
  await recordEvent(trx, IdentityEvents.TokensRevoked, r.userId, {
    userId: r.userId,
    sessionIds: r.sessionIds ?? [],
    issuedBefore: r.issuedBefore ? r.issuedBefore.toISOString() : null,
    forever: r.forever ?? false,
    reason: r.reason,
    // Every token concerned was issued by now: none is valid after the longest lifetime.
    expiresAt: new Date(from + (MAX_ACCESS_TOKEN_TTL_SECONDS + MARGIN_SECONDS) * 1000).toISOString(),
  })
}
