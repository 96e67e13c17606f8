import type { EventContract, EventData, EventEnvelope, MembershipRole, PlatformRole } from '@osinum/contracts'
import { IdentityEvents } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, openTestTransport, waitFor } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import type { Kysely } from 'kysely'
import { applyDecision } from './domain/claims.js'
import { type Database, json } from './domain/db.js'
import type { TokenPair } from './domain/tokens.js'
import { identityService } from './service.js'

/** Test harness of the identity service (real PostgreSQL/NATS when configured, else PGlite/in-process). */
export interface TestService {
  host: Host
  db: Kysely<Database>
  database: DatabaseHandle
  transport: EventTransport
  inject: Host['app']['inject']
  close(): Promise<void>
  /** Events identity recorded in its outbox (in order). */
  events<E extends EventContract>(contract: E): Promise<Array<EventEnvelope<EventData<E>>>>
  /** Waits for an event of `contract` matching `match`. */
  waitForEvent<E extends EventContract>(
    contract: E,
    match: (data: EventData<E>) => boolean,
  ): Promise<EventEnvelope<EventData<E>>>
  /** Registers and verifies an account, returning its first token pair. */
  signUp(email: string, options?: { roles?: PlatformRole[]; operatorId?: string | null }): Promise<TokenPair>
  /** A fresh pair (after roles or memberships changed). */
  refresh(pair: TokenPair): Promise<TokenPair>
  /**
   * Claims a commune by INSEE code as `pair`'s user; unless `verified: false`, the claim is then
   * verified as its syndicate would (the user becomes its referent). Refresh `pair` for a token
   * carrying the membership.
   */
  createCommune(
    pair: TokenPair,
    code: string,
    role?: MembershipRole,
    options?: { verified?: boolean },
  ): Promise<{ id: string; [k: string]: unknown }>
  /** Verifies `userId`'s pending claim on `organisationId` as its syndicate would. */
  verifyClaim(organisationId: string, userId: string): Promise<void>
}

export const bearer = (pair: TokenPair | string) => ({
  authorization: `Bearer ${typeof pair === 'string' ? pair : pair.accessToken}`,
})
export const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const database = openTestDatabase()
  const transport = await openTestTransport()
  const host = await createTestHost({
    modules: [identityService],
    schemas: { identity: uniqueName('identity') },
    database,
    transport,
    env: {
      EVENTS_NAMESPACE: uniqueName('t'),
      PUBLIC_URL: 'http://osinum.test',
      AUTH_RATE_LIMIT_PER_IP: '100000',
      AUTH_RATE_LIMIT_PER_EMAIL: '100000',
      ...env,
    },
  })
  const db = host.services.get('identity')!.deps.db as Kysely<Database>
  const inject = host.app.inject.bind(host.app) as Host['app']['inject']

  const events: TestService['events'] = async (contract) => {
    const rows = await db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', contract.subject)
      .orderBy('seq')
      .execute()
    return rows.map((r) => (typeof r.envelope === 'string' ? JSON.parse(r.envelope) : r.envelope)) as never
  }
  const waitForEvent: TestService['waitForEvent'] = (contract, match) =>
    waitFor(async () => (await events(contract)).find((e) => match(e.data)))

  const refresh = async (pair: TokenPair) => {
    const res = await inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    })
    if (res.statusCode !== 200) throw new Error(`refresh failed: ${res.statusCode} ${res.body}`)
    return res.json() as TokenPair
  }

  const signUp: TestService['signUp'] = async (email, options = {}) => {
    const res = await inject({ method: 'POST', url: '/v1/auth/register', payload: { email } })
    if (res.statusCode !== 202) throw new Error(`register failed: ${res.statusCode} ${res.body}`)
    const event = await waitForEvent(
      IdentityEvents.EmailVerificationRequested,
      (d) => d.email === email.toLowerCase(),
    )
    const verified = await inject({
      method: 'GET',
      url: `/v1/auth/email/verify?token=${tokenOf(event.data.url)}`,
    })
    if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.statusCode} ${verified.body}`)
    let pair = verified.json() as TokenPair
    if (options.roles || options.operatorId) {
      await db
        .updateTable('users')
        .set({ platform_roles: json(options.roles ?? []), operator_id: options.operatorId ?? null })
        .where('id', '=', pair.userId)
        .execute()
      pair = await refresh(pair)
    }
    return pair
  }

  const verifyClaim: TestService['verifyClaim'] = async (organisationId, userId) => {
    await db.transaction().execute(async (trx) => {
      const claim = await trx
        .selectFrom('membership_claims')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
      await applyDecision(trx, claim, { status: 'verified', method: 'operator', decidedBy: null })
    })
  }

  const createCommune: TestService['createCommune'] = async (pair, code, role = 'elected', options = {}) => {
    const res = await inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: bearer(pair),
      payload: { kind: 'commune', officialCode: code, role },
    })
    if (res.statusCode !== 201) throw new Error(`create commune failed: ${res.statusCode} ${res.body}`)
    const org = res.json() as { id: string }
    if (options.verified === false) return org
    await verifyClaim(org.id, pair.userId)
    return (await inject({ method: 'GET', url: `/v1/organisations/${org.id}`, headers: bearer(pair) })).json()
  }

  return {
    host,
    db,
    database,
    transport,
    inject,
    events,
    waitForEvent,
    signUp,
    refresh,
    createCommune,
    verifyClaim,
    async close() {
      await host.close()
      await transport.close()
      await database.close()
    },
  }
}
