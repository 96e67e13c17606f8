import { IdentityEvents, SERVICES, type ServiceName } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import { type EventTransport, MemoryTransport, NatsTransport } from '@osinum/events'
import { MODULES } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { createTestHost, jwksOf, openTestDatabase, waitFor } from '@osinum/service-kit/testing'
import { infrastructure, uniqueName } from '@osinum/testing'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MailCatcher, startMailCatcher } from './harness.js'

const infra = infrastructure()

interface Tokens {
  accessToken: string
  refreshToken: string
  userId: string
  sessionId: string
}

/** An authenticated read of each service: 200 while the token is good, 401 OSI_TOKEN_REVOKED once revoked. */
const PROBES: Record<ServiceName, string> = {
  identity: '/v1/users/me',
  diagnostics: '/v1/support-requests',
  catalogue: '/v1/tools?limit=1',
  resources: '/v1/collections',
  notifications: '/v1/notifications',
}

/**
 * Journey 5: identity revokes tokens (logout, log out everywhere, a reused refresh token, a member
 * leaving, roles changed, an erasure) and each of the five services, each in its own process-like
 * host with its own revocation list (as when they run stand-alone), refuses the old token from
 * then on. The delay from identity's answer to each service's refusal is printed (docs/security.md).
 */
describe('journey 5: a revoked access token is refused by every service within moments', () => {
  const hosts = {} as Record<ServiceName, Host>
  const transports: EventTransport[] = []
  let database: DatabaseHandle
  let mail: MailCatcher
  let identityDb: Kysely<any>
  let admin: Tokens
  let sessionId: string
  const codes = ['23001', '23002', '23003', '23004', '23005', '23006']
  const figures: Array<{ kind: string; delays: Record<ServiceName, number> }> = []

  beforeAll(async () => {
    mail = await startMailCatcher()
    database = openTestDatabase()
    const memory = infra.natsUrl ? undefined : new MemoryTransport()
    const env = {
      EVENTS_NAMESPACE: uniqueName('rv'),
      PUBLIC_URL: 'http://osinum.test',
      SMTP_URL: mail.url,
      MAIL_FROM: 'osinum <no-reply@osinum.test>',
      UNSUBSCRIBE_SECRET: 'revocation-journey-unsubscribe-secret-0123456789',
      REMINDERS_INTERVAL_MS: '0',
      AUTH_RATE_LIMIT_PER_IP: '100000',
      AUTH_RATE_LIMIT_PER_EMAIL: '100000',
    }
    const start = async (name: ServiceName, getKey?: Parameters<typeof createTestHost>[0]['getKey']) => {
      const transport = memory ?? (await NatsTransport.connect({ url: infra.natsUrl!, name: `rv-${name}` }))
      if (!memory) transports.push(transport)
      hosts[name] = await createTestHost({
        modules: [MODULES.find((m) => m.name === name)!],
        schemas: { [name]: uniqueName(`rv_${name}`) },
        database,
        transport,
        env,
        ...(getKey ? { getKey } : {}),
      })
    }
    await start('identity')
    identityDb = hosts.identity.services.get('identity')!.deps.db
    const keys = await jwksOf(hosts.identity)
    for (const name of SERVICES.filter((s) => s !== 'identity')) await start(name, keys)
    if (memory) transports.push(memory)

    admin = await signUp('admin@revocation.example')
    await identityDb
      .updateTable('users')
      .set({ platform_roles: JSON.stringify(['admin']) })
      .where('id', '=', admin.userId)
      .execute()
    admin = await refresh(admin)
    await call('resources', admin, 'POST', '/v1/trainings', 201, {
      slug: 'revocation',
      title: 'Sécuriser les comptes de la mairie',
      summary: 'Mots de passe, double authentification.',
      description: 'Deux heures pour les agents.',
      themes: ['security'],
      audience: ['agent'],
      level: 'beginner',
    })
    sessionId = (
      await call('resources', admin, 'POST', '/v1/trainings/revocation/sessions', 201, {
        startsAt: '2027-04-01T10:00',
        endsAt: '2027-04-01T12:00',
        mode: 'online',
        onlineUrl: 'https://visio.osinum.test/revocation',
        capacity: 30,
      })
    ).json().id
  })
  afterAll(async () => {
    if (figures.length) {
      const lines = figures.map(
        (f) =>
          `  ${f.kind.padEnd(22)} ${SERVICES.map((s) => `${s} ${String(f.delays[s]).padStart(4)} ms`).join('  ')}`,
      )
      console.info(`revocation: identity's answer → refusal by each service\n${lines.join('\n')}`)
    }
    for (const h of Object.values(hosts).reverse()) await h.close()
    for (const t of transports) await t.close()
    await database?.close()
    await mail?.close()
  })

  async function call(
    service: ServiceName,
    who: Tokens | null,
    method: string,
    url: string,
    status?: number,
    payload?: unknown,
  ) {
    const res = await hosts[service].app.inject({
      method: method as 'GET',
      url,
      ...(who ? { headers: { authorization: `Bearer ${who.accessToken}` } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    })
    if (status !== undefined) expect(res.statusCode, `${service} ${method} ${url}: ${res.body}`).toBe(status)
    return res
  }

  /** The link identity asked notifications to send to `email` (read from identity's outbox). */
  const linkSentTo = (
    contract: typeof IdentityEvents.EmailVerificationRequested | typeof IdentityEvents.MagicLinkRequested,
    email: string,
  ) =>
    waitFor(async () => {
      const rows = await identityDb
        .selectFrom('outbox')
        .select('envelope')
        .where('subject', '=', contract.subject)
        .execute()
      return rows
        .map((r) => (typeof r.envelope === 'string' ? JSON.parse(r.envelope) : r.envelope))
        .find((e) => e.data.email === email)?.data.url as string | undefined
    })

  async function signUp(email: string): Promise<Tokens> {
    await call('identity', null, 'POST', '/v1/auth/register', 202, { email })
    const link = await linkSentTo(IdentityEvents.EmailVerificationRequested, email)
    const token = new URL(link).searchParams.get('token')!
    return (await call('identity', null, 'GET', `/v1/auth/email/verify?token=${token}`, 200)).json()
  }
  const refresh = async (t: Tokens): Promise<Tokens> =>
    (await call('identity', null, 'POST', '/v1/auth/refresh', 200, { refreshToken: t.refreshToken })).json()

  /** A person with a collectivité of their own, whose token is accepted by every service. */
  async function member(email: string) {
    const t = await signUp(email)
    const org = (
      await call('identity', t, 'POST', '/v1/organisations', 201, {
        kind: 'commune',
        officialCode: codes.shift(),
        role: 'elected',
      })
    ).json() as { id: string }
    const tokens = await refresh(t)
    for (const s of SERVICES) await call(s, tokens, 'GET', PROBES[s], 200)
    return { tokens, organisationId: org.id }
  }

  /** Waits until every service refuses `t` as revoked; records each delay since `from`. */
  async function refusedEverywhere(kind: string, t: Tokens, from: number) {
    const delays = {} as Record<ServiceName, number>
    await Promise.all(
      SERVICES.map(async (s) => {
        await waitFor(
          async () => {
            const res = await call(s, t, 'GET', PROBES[s])
            return res.statusCode === 401 && res.json().code === 'OSI_TOKEN_REVOKED'
          },
          15_000,
          5,
        )
        delays[s] = Date.now() - from
      }),
    )
    figures.push({ kind, delays })
  }

  it('after logout, the access token of the session is refused by the five services', async () => {
    const { tokens } = await member('logout@revocation.example')
    const other = await (async () => {
      const again = await call('identity', null, 'POST', '/v1/auth/refresh', 200, {
        refreshToken: tokens.refreshToken,
      })
      return again.json() as Tokens
    })()
    const from = Date.now()
    await call('identity', other, 'POST', '/v1/auth/logout', 204)
    await refusedEverywhere('logout', other, from)
  })

  it('after log out everywhere, tokens of every session are refused; a new sign-in works at once', async () => {
    const { tokens } = await member('everywhere@revocation.example')
    const from = Date.now()
    await call('identity', tokens, 'DELETE', '/v1/users/me/sessions', 204)
    await refusedEverywhere('log out everywhere', tokens, from)
    // A token issued after the revocation (even within the same second) is accepted everywhere.
    const link = await call('identity', null, 'POST', '/v1/auth/magic-link', undefined, {
      email: 'everywhere@revocation.example',
    })
    expect(link.statusCode).toBeLessThan(300)
    const url = await linkSentTo(IdentityEvents.MagicLinkRequested, 'everywhere@revocation.example')
    const fresh = (
      await call(
        'identity',
        null,
        'GET',
        `/v1/auth/magic-link/verify?token=${new URL(url).searchParams.get('token')}`,
        200,
      )
    ).json() as Tokens
    for (const s of SERVICES) await call(s, fresh, 'GET', PROBES[s], 200)
  })

  it('when a rotated refresh token is presented again, the whole family is revoked and its access token refused', async () => {
    const { tokens } = await member('family@revocation.example')
    const rotated = await refresh(tokens)
    const from = Date.now()
    await call('identity', null, 'POST', '/v1/auth/refresh', 401, { refreshToken: tokens.refreshToken })
    await refusedEverywhere('refresh-token reuse', rotated, from)
  })

  it('when a member leaves their collectivité, the token carrying that membership is refused', async () => {
    const { tokens, organisationId } = await member('member@revocation.example')
    const from = Date.now()
    await call(
      'identity',
      tokens,
      'DELETE',
      `/v1/organisations/${organisationId}/members/${tokens.userId}`,
      204,
    )
    await refusedEverywhere('membership revoked', tokens, from)
    const fresh = await refresh(tokens)
    for (const s of SERVICES) await call(s, fresh, 'GET', PROBES[s], 200)
  })

  it('when the platform admin changes someone’s roles, the token carrying the old roles is refused', async () => {
    const { tokens } = await member('roles@revocation.example')
    const from = Date.now()
    await call('identity', admin, 'PUT', `/v1/users/${tokens.userId}/roles`, 200, { roles: ['editor'] })
    await refusedEverywhere('roles changed', tokens, from)
  })

  it('an erased person’s token can never write again: no post, diagnostic, support request or registration', async () => {
    const { tokens, organisationId } = await member('erased@revocation.example')
    const from = Date.now()
    await call('identity', tokens, 'DELETE', '/v1/users/me', 204)
    await refusedEverywhere('account erased', tokens, from)
    const writes: Array<[ServiceName, string, string, unknown]> = [
      [
        'resources',
        'POST',
        '/v1/experiences',
        { organisationId, title: 'Écrit après effacement', body: 'Toujours là ?' },
      ],
      ['resources', 'POST', '/v1/registrations', { sessionId }],
      ['diagnostics', 'POST', '/v1/diagnostics', { organisationId }],
      [
        'diagnostics',
        'POST',
        '/v1/support-requests',
        { organisationId, topic: 'Aide', message: 'Après effacement' },
      ],
      ['catalogue', 'POST', '/v1/tool-usages', { toolSlug: 'nextcloud', organisationId, status: 'uses' }],
      ['notifications', 'PATCH', '/v1/notification-preferences', {}],
      ['identity', 'PATCH', '/v1/users/me', { displayName: 'Revenant' }],
    ]
    for (const [service, method, url, payload] of writes) {
      const res = await call(service, tokens, method, url, 401, payload)
      expect(res.json().code, `${service} ${url}`).toBe('OSI_TOKEN_REVOKED')
    }
    expect(
      await hosts.resources.services
        .get('resources')!
        .deps.db.selectFrom('experiences')
        .select('id')
        .where('title', '=', 'Écrit après effacement')
        .execute(),
    ).toEqual([])
  })
})
