import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DiagnosticsEvents, IdentityEvents } from '@osinum/contracts'
import { PROBLEM_CONTENT_TYPE } from '@osinum/service-kit'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUnsubscribeToken } from './domain/unsubscribe.js'
import {
  addMember,
  addOrganisation,
  addUser,
  eventually,
  HOOK_TIMEOUT_MS,
  person,
  startTestService,
  TEST_SECRET,
  type TestService,
} from './testing.js'

/**
 * The inbox, preferences and unsubscribe links, on the embedded mode without SMTP: emails go to
 * the development mailbox (files + /v1/dev/mailbox).
 */
describe('inbox, preferences, unsubscribe and the development mailbox', () => {
  let s: TestService
  let mailboxDir: string
  const commune = { id: uuidv7(), name: 'Sainte-Boîte' }
  const maire = person('Manon Maire')
  const agent = person('Anis Agent')
  const admin = person('Ada Admin', { roles: ['admin'] })
  let maireToken: string
  /** Generated at the first embedded start and kept in the service's database. */
  let secret: string
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })

  const submitDiagnostic = async () => {
    const diagnosticId = uuidv7()
    return publishTestEvent(s.host, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
      diagnosticId,
      organisationId: commune.id,
      submittedBy: maire.id,
      questionnaireVersion: 1,
      level: 'D' as never,
      overallScore: 38,
      themeScores: {},
      lensScores: {},
      weakThemes: ['gdpr'],
      topMeasures: [],
      reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
    })
  }

  beforeAll(async () => {
    mailboxDir = mkdtempSync(join(tmpdir(), 'osinum-mailbox-'))
    s = await startTestService({ embedded: true, env: { MAILBOX_DIR: mailboxDir } })
    await addOrganisation(s, commune)
    for (const p of [maire, agent, admin]) await addUser(s, p)
    await addMember(s, commune.id, maire.id)
    await addMember(s, commune.id, agent.id, 'agent')
    maireToken = await s.keys.token({ sub: maire.id })
    secret = (
      await s.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'unsubscribe_secret')
        .executeTakeFirstOrThrow()
    ).value
    for (let i = 0; i < 3; i++) await submitDiagnostic()
    await eventually(async () => {
      const res = await s.host.app.inject({
        method: 'GET',
        url: '/v1/notifications',
        headers: auth(maireToken),
      })
      return res.json().total === 3
    })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    rmSync(mailboxDir, { recursive: true, force: true })
  }, HOOK_TIMEOUT_MS)

  it('refuses anonymous callers on every protected route (401 problem+json)', async () => {
    for (const [method, url] of [
      ['GET', '/v1/notifications'],
      ['GET', '/v1/notifications/unread-count'],
      ['POST', '/v1/notifications/read-all'],
      ['GET', `/v1/notifications/${uuidv7()}`],
      ['POST', `/v1/notifications/${uuidv7()}/read`],
      ['GET', `/v1/notifications/${uuidv7()}/deliveries`],
      ['GET', '/v1/notification-deliveries'],
      ['GET', '/v1/notification-preferences'],
      ['PATCH', '/v1/notification-preferences'],
      ['GET', '/v1/webhooks'],
    ] as const) {
      const res = await s.host.app.inject({ method, url, payload: method === 'PATCH' ? {} : undefined })
      expect(res.statusCode, `${method} ${url}`).toBe(401)
      expect(res.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
    }
  })

  it('lists my inbox newest first with pagination, counts unread ones, marks one and then all read', async () => {
    const page1 = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notifications?limit=2&offset=0',
      headers: auth(maireToken),
    })
    expect(page1.statusCode).toBe(200)
    const body = page1.json()
    expect(body).toMatchObject({ total: 3, limit: 2, offset: 0 })
    expect(body.items).toHaveLength(2)
    expect(body.items[0].createdAt >= body.items[1].createdAt).toBe(true)
    expect(body.items[0]).toMatchObject({
      kind: 'diagnostic-submitted',
      read: false,
      category: 'diagnostics',
    })
    const count = async () =>
      (
        await s.host.app.inject({
          method: 'GET',
          url: '/v1/notifications/unread-count',
          headers: auth(maireToken),
        })
      ).json().count
    expect(await count()).toBe(3)
    const one = await s.host.app.inject({
      method: 'POST',
      url: `/v1/notifications/${body.items[0].id}/read`,
      headers: auth(maireToken),
    })
    expect(one.statusCode).toBe(200)
    expect(one.json().read).toBe(true)
    expect(await count()).toBe(2)
    const unread = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notifications?unread=true',
      headers: auth(maireToken),
    })
    expect(unread.json().total).toBe(2)
    const all = await s.host.app.inject({
      method: 'POST',
      url: '/v1/notifications/read-all',
      headers: auth(maireToken),
    })
    expect(all.json()).toEqual({ updated: 2 })
    expect(await count()).toBe(0)
  })

  it('hides other people’s notifications (404) and validates ids (400 problem+json)', async () => {
    const mine = (
      await s.host.app.inject({ method: 'GET', url: '/v1/notifications', headers: auth(maireToken) })
    ).json().items[0]
    const agentToken = await s.keys.token({ sub: agent.id })
    for (const url of [`/v1/notifications/${mine.id}`, `/v1/notifications/${mine.id}/deliveries`]) {
      const res = await s.host.app.inject({ method: 'GET', url, headers: auth(agentToken) })
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('OSI_NOT_FOUND')
    }
    const read = await s.host.app.inject({
      method: 'POST',
      url: `/v1/notifications/${mine.id}/read`,
      headers: auth(agentToken),
    })
    expect(read.statusCode).toBe(404)
    const bad = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notifications/not-a-uuid',
      headers: auth(maireToken),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
    expect(bad.json().code).toBe('OSI_VALIDATION')
  })

  it('shows the delivery log of a notification to its person and to admins only', async () => {
    const mine = (
      await s.host.app.inject({ method: 'GET', url: '/v1/notifications', headers: auth(maireToken) })
    ).json().items[0]
    const res = await s.host.app.inject({
      method: 'GET',
      url: `/v1/notifications/${mine.id}/deliveries`,
      headers: auth(maireToken),
    })
    expect(res.statusCode).toBe(200)
    const channels = res
      .json()
      .items.map((d: { channel: string }) => d.channel)
      .sort()
    expect(channels).toEqual(['email', 'in-app'])
    const email = res.json().items.find((d: { channel: string }) => d.channel === 'email')
    await eventually(async () => {
      const again = await s.host.app.inject({
        method: 'GET',
        url: `/v1/notifications/${mine.id}/deliveries`,
        headers: auth(maireToken),
      })
      return (
        again.json().items.find((d: { id: string; status: string }) => d.id === email.id).status === 'sent'
      )
    })
    const adminToken = await s.keys.token({ sub: admin.id, roles: ['admin'] })
    const asAdmin = await s.host.app.inject({
      method: 'GET',
      url: `/v1/notifications/${mine.id}/deliveries`,
      headers: auth(adminToken),
    })
    expect(asAdmin.statusCode).toBe(200)
    const all = await s.host.app.inject({
      method: 'GET',
      url: `/v1/notification-deliveries?recipient=${encodeURIComponent(maire.email)}&channel=email`,
      headers: auth(adminToken),
    })
    expect(all.statusCode).toBe(200)
    expect(all.json().total).toBe(3)
    const notAdmin = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notification-deliveries',
      headers: auth(maireToken),
    })
    expect(notAdmin.statusCode).toBe(403)
  })

  it('has sensible default preferences; auth emails cannot be turned off; bad input is a problem', async () => {
    const res = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notification-preferences',
      headers: auth(maireToken),
    })
    expect(res.statusCode).toBe(200)
    const prefs = res.json()
    const byId = Object.fromEntries(prefs.categories.map((c: { category: string }) => [c.category, c]))
    expect(byId.auth).toMatchObject({ email: true, locked: true })
    expect(byId.diagnostics).toMatchObject({ email: true, inApp: true, locked: false })
    expect(byId.digest).toMatchObject({ email: true, inApp: false })
    expect(prefs.digest).toEqual({ frequency: 'weekly', themes: null, effectiveThemes: ['gdpr'] })

    const locked = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: auth(maireToken),
      payload: { categories: { auth: { email: false } } },
    })
    expect(locked.statusCode).toBe(422)
    expect(locked.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
    expect(locked.json().code).toBe('OSI_NOTIFICATIONS_CATEGORY_LOCKED')

    const bad = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: auth(maireToken),
      payload: { categories: { gossip: { email: true } }, digest: { frequency: 'hourly' } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('OSI_VALIDATION')

    const changed = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: auth(maireToken),
      payload: {
        categories: { diagnostics: { inApp: false } },
        digest: { frequency: 'daily', themes: ['open-source', 'security'] },
      },
    })
    expect(changed.statusCode).toBe(200)
    const after = changed.json()
    expect(after.categories.find((c: { category: string }) => c.category === 'diagnostics')).toMatchObject({
      email: true,
      inApp: false,
    })
    expect(after.digest).toEqual({
      frequency: 'daily',
      themes: ['open-source', 'security'],
      effectiveThemes: ['open-source', 'security'],
    })
    // The choice is applied: the next diagnostic reaches the maire by email only.
    const event = await submitDiagnostic()
    const rows = await eventually(async () => {
      const r = await s.db
        .selectFrom('deliveries')
        .select(['channel', 'recipient'])
        .where('cause_event_id', '=', event.id)
        .execute()
      return r.length === 3 ? r : null
    })
    expect(rows.filter((r) => r.recipient === maire.id)).toHaveLength(0)
    await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: auth(maireToken),
      payload: { categories: { diagnostics: { inApp: true } } },
    })
  })

  it('unsubscribes with a signed link, without logging in (GET shows a confirmation, POST applies it)', async () => {
    expect(secret.length).toBeGreaterThanOrEqual(32)
    const token = signUnsubscribeToken(secret, agent.id, 'diagnostics')
    const show = await s.host.app.inject({
      method: 'GET',
      url: `/v1/unsubscribe?token=${token}`,
      headers: { accept: 'text/html' },
    })
    expect(show.statusCode).toBe(200)
    expect(show.headers['content-type']).toContain('text/html')
    expect(show.body).toContain('Résultats de diagnostic')
    expect(show.body).toContain('method="post"')
    const json = await s.host.app.inject({ method: 'GET', url: `/v1/unsubscribe?token=${token}` })
    expect(json.json()).toEqual({
      category: 'diagnostics',
      label: 'Résultats de diagnostic',
      unsubscribed: false,
    })
    // RFC 8058 one-click: a form POST.
    const done = await s.host.app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(done.statusCode).toBe(200)
    expect(done.json().unsubscribed).toBe(true)
    const agentToken = await s.keys.token({ sub: agent.id })
    const prefs = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notification-preferences',
      headers: auth(agentToken),
    })
    expect(
      prefs.json().categories.find((c: { category: string }) => c.category === 'diagnostics'),
    ).toMatchObject({
      email: false,
      inApp: true,
    })
  })

  it('refuses forged unsubscribe tokens', async () => {
    const good = signUnsubscribeToken(secret, agent.id, 'support')
    const [prefix, payload, signature] = good.split('.') as [string, string, string]
    const otherUser = Buffer.from(`${maire.id}.support`).toString('base64url')
    const forged = [
      `${prefix}.${otherUser}.${signature}`, // someone else, same signature
      `${prefix}.${Buffer.from(`${agent.id}.auth`).toString('base64url')}.${signature}`, // a locked category
      signUnsubscribeToken(TEST_SECRET, agent.id, 'support'), // another key
      `${prefix}.${payload}.${signature.slice(0, -2)}`, // truncated signature
      `${prefix}.${payload}`,
      'u1.not-base64!.x',
    ]
    for (const token of forged) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await s.host.app.inject({
          method,
          url: `/v1/unsubscribe?token=${encodeURIComponent(token)}`,
        })
        expect(res.statusCode, token).toBe(400)
        expect(res.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
        expect(res.json().code).toMatch(/^OSI_(NOTIFICATIONS_INVALID_UNSUBSCRIBE_TOKEN|VALIDATION)$/)
      }
    }
    const maireToken2 = await s.keys.token({ sub: maire.id })
    const prefs = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notification-preferences',
      headers: auth(maireToken2),
    })
    expect(prefs.json().categories.find((c: { category: string }) => c.category === 'support').email).toBe(
      true,
    )
  })

  it('writes emails to the development mailbox (files and /v1/dev/mailbox, embedded mode, loopback clients) so the demo magic link works', async () => {
    const p = person('Demo Visitor')
    const url = `https://osinum.example.fr/v1/auth/magic-link/verify?token=demo-${p.id}`
    await publishTestEvent(s.host, IdentityEvents.MagicLinkRequested, p.id, {
      userId: p.id,
      email: p.email,
      url,
      expiresAt: '2026-12-01T10:00:00.000Z',
    })
    const list = await eventually(async () => {
      const res = await s.host.app.inject({
        method: 'GET',
        url: `/v1/dev/mailbox?to=${encodeURIComponent(p.email)}`,
      })
      const body = res.json() as { total: number; items: Array<{ id: string }> }
      return body.total === 1 ? body : null
    })
    expect(list.items[0]).toMatchObject({
      to: p.email,
      subject: 'Votre lien de connexion à osinum',
      links: [url],
    })
    const id = list.items[0]!.id
    expect(existsSync(join(mailboxDir, `${id}.eml`))).toBe(true)
    const one = await s.host.app.inject({ method: 'GET', url: `/v1/dev/mailbox/${id}` })
    expect(one.statusCode).toBe(200)
    expect(one.json().text).toContain(url)
    const raw = await s.host.app.inject({ method: 'GET', url: `/v1/dev/mailbox/${id}?format=eml` })
    expect(raw.headers['content-type']).toContain('message/rfc822')
    expect(raw.body).toContain('Subject: =?UTF-8?')
    const missing = await s.host.app.inject({ method: 'GET', url: `/v1/dev/mailbox/${uuidv7()}` })
    expect(missing.statusCode).toBe(404)
  })

  it('serves the development mailbox to loopback clients only: someone on the network cannot read the magic links', async () => {
    const local = await s.host.app.inject({ method: 'GET', url: '/v1/dev/mailbox', remoteAddress: '::1' })
    expect(local.statusCode).toBe(200)
    const attempts = [
      { remoteAddress: '192.0.2.10' },
      { remoteAddress: '::ffff:198.51.100.7' },
      // A local proxy forwarding a remote client, or a remote client forging the header.
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } },
      { remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } },
    ]
    for (const attempt of attempts)
      for (const url of ['/v1/dev/mailbox', `/v1/dev/mailbox/${uuidv7()}`]) {
        const res = await s.host.app.inject({ method: 'GET', url, ...attempt })
        expect(res.statusCode, JSON.stringify(attempt)).toBe(403)
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
        expect(res.json().code).toBe('OSI_NOTIFICATIONS_LOOPBACK_ONLY')
      }
  })
})
