import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CatalogueEvents, DiagnosticsEvents } from '@osinum/contracts'
import { PROBLEM_CONTENT_TYPE } from '@osinum/service-kit'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkTargetUrl, isPrivateAddress, verifyWebhook } from './domain/webhooks.js'
import {
  addOrganisation,
  addUser,
  eventually,
  HOOK_TIMEOUT_MS,
  person,
  startTestService,
  type TestService,
} from './testing.js'

interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** Signed webhooks, against a real HTTP receiver on a free loopback port. */
describe('webhooks', () => {
  let s: TestService
  let receiver: Server
  let base: string
  const received: Received[] = []
  const operatorA = uuidv7()
  const operatorB = uuidv7()
  const communeA = { id: uuidv7(), name: 'Commune A', operatorId: operatorA }
  const adminA = uuidv7()
  const submitter = person('Sophie Soumet')
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })
  let tokenA: string

  const mailboxDir = mkdtempSync(join(tmpdir(), 'osinum-webhooks-'))
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
        res.statusCode = req.url?.startsWith('/fail') ? 500 : 204
        res.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
    s = await startTestService({
      embedded: true,
      env: {
        MAILBOX_DIR: mailboxDir,
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_RETRY_BASE_MS: '20',
        WEBHOOK_RETRY_MAX_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '10',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
      },
    })
    await addOrganisation(s, communeA)
    await addUser(s, submitter)
    tokenA = await s.keys.token({ sub: adminA, roles: ['admin'], op: operatorA })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await new Promise((r) => receiver?.close(r))
    rmSync(mailboxDir, { recursive: true, force: true })
  }, HOOK_TIMEOUT_MS)

  const register = async (token: string, body: Record<string, unknown>) =>
    s.host.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(token), payload: body })

  const submitDiagnostic = (organisationId: string) => {
    const diagnosticId = uuidv7()
    return publishTestEvent(s.host, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
      diagnosticId,
      organisationId,
      submittedBy: submitter.id,
      questionnaireVersion: 1,
      level: 'A' as never,
      overallScore: 90,
      themeScores: {},
      lensScores: {},
      weakThemes: [],
      topMeasures: [],
      reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
    })
  }

  it('signs each delivery (Standard Webhooks): the right secret verifies, a wrong one does not', async () => {
    const res = await register(tokenA, {
      url: `${base}/ok`,
      description: 'Tableau de bord du syndicat',
      eventTypes: ['osinum.diagnostics.diagnostic.submitted'],
    })
    expect(res.statusCode).toBe(201)
    const created = res.json()
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/)
    expect(created.operatorId).toBe(operatorA)
    // The secret is shown once: never again.
    const again = await s.host.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${created.id}`,
      headers: auth(tokenA),
    })
    expect(again.statusCode).toBe(200)
    expect(JSON.stringify(again.json())).not.toContain(created.secret.slice(6, 20))
    const list = await s.host.app.inject({ method: 'GET', url: '/v1/webhooks', headers: auth(tokenA) })
    expect(JSON.stringify(list.json())).not.toContain('whsec_')

    // An event of a collectivité of this operator is forwarded.
    const event = await submitDiagnostic(communeA.id)
    const hit = await eventually(() => received.find((r) => r.path === '/ok' && r.body.includes(event.id)))
    expect(hit.headers['webhook-id']).toBe(event.id)
    expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/)
    expect(hit.headers['content-type']).toBe('application/json')
    const payload = JSON.parse(hit.body)
    expect(payload).toMatchObject({ id: event.id, type: 'osinum.diagnostics.diagnostic.submitted' })
    expect(payload.data.organisationId).toBe(communeA.id)
    expect(verifyWebhook(created.secret, hit.headers, hit.body)).toBe(true)
    expect(
      verifyWebhook('whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZy1zZWNyZXQ=', hit.headers, hit.body),
    ).toBe(false)
    expect(verifyWebhook(created.secret, hit.headers, hit.body.replace('"A"', '"E"'))).toBe(false)

    const log = await eventually(async () => {
      const r = await s.host.app.inject({
        method: 'GET',
        url: `/v1/webhooks/${created.id}/deliveries`,
        headers: auth(tokenA),
      })
      const body = r.json() as { items: Array<{ eventId: string; status: string; lastStatusCode: number }> }
      return body.items.find((d) => d.eventId === event.id && d.status === 'delivered')
    })
    expect(log).toMatchObject({ attempts: 1, lastStatusCode: 204 })
  })

  it('forwards only what an endpoint subscribed to and may see (another operator’s events are not)', async () => {
    const other = { id: uuidv7(), name: 'Commune B', operatorId: operatorB }
    await addOrganisation(s, other)
    const tokenB = await s.keys.token({ sub: uuidv7(), roles: ['admin'], op: operatorB })
    const b = await register(tokenB, { url: `${base}/operator-b`, eventTypes: ['*'] })
    expect(b.statusCode).toBe(201)
    const own = await submitDiagnostic(other.id)
    await eventually(() => received.find((r) => r.path === '/operator-b' && r.body.includes(own.id)))
    const foreign = await submitDiagnostic(communeA.id)
    // A national event reaches every operator.
    const toolId = uuidv7()
    const tool = await publishTestEvent(s.host, CatalogueEvents.ToolPublished, toolId, {
      toolId,
      slug: 'nextcloud',
      name: 'Nextcloud',
      summary: 'Stockage et partage de fichiers',
      categories: ['file-sharing'],
      themes: ['collaboration'],
    })
    await eventually(() => received.find((r) => r.path === '/operator-b' && r.body.includes(tool.id)))
    await eventually(() => received.find((r) => r.path === '/ok' && r.body.includes(foreign.id)))
    expect(received.some((r) => r.path === '/operator-b' && r.body.includes(foreign.id))).toBe(false)
    // /ok subscribed to diagnostics only.
    expect(received.some((r) => r.path === '/ok' && r.body.includes(tool.id))).toBe(false)
  })

  it('retries a failing endpoint with back-off, then disables it after repeated failures', async () => {
    const res = await register(tokenA, {
      url: `${base}/fail`,
      eventTypes: ['osinum.diagnostics.diagnostic.submitted'],
    })
    const { id } = res.json()
    await submitDiagnostic(communeA.id)
    await submitDiagnostic(communeA.id)
    const endpoint = await eventually(async () => {
      const r = await s.host.app.inject({ method: 'GET', url: `/v1/webhooks/${id}`, headers: auth(tokenA) })
      const body = r.json() as {
        enabled: boolean
        consecutiveFailures: number
        disabledReason: string | null
      }
      return body.enabled === false ? body : null
    })
    expect(endpoint.consecutiveFailures).toBeGreaterThanOrEqual(3)
    expect(endpoint.disabledReason).toMatch(/consecutive failed deliveries/)
    expect(received.filter((r) => r.path === '/fail').length).toBeGreaterThanOrEqual(3)
    const log = await s.host.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${id}/deliveries`,
      headers: auth(tokenA),
    })
    const items = log.json().items as Array<{
      status: string
      attempts: number
      lastStatusCode: number | null
    }>
    expect(items).toHaveLength(2)
    expect(items.every((d) => d.status === 'failed')).toBe(true)
    expect(items.some((d) => d.attempts >= 2 && d.lastStatusCode === 500)).toBe(true)
    // Disabled: nothing more is sent to it.
    const before = received.filter((r) => r.path === '/fail').length
    const later = await submitDiagnostic(communeA.id)
    await eventually(() => received.find((r) => r.path === '/ok' && r.body.includes(later.id)))
    expect(received.filter((r) => r.path === '/fail').length).toBe(before)
    // Re-enabling resets the failure count.
    const enabled = await s.host.app.inject({
      method: 'PATCH',
      url: `/v1/webhooks/${id}`,
      headers: auth(tokenA),
      payload: { enabled: true },
    })
    expect(enabled.json()).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null })
  })

  it('is for admins only, each seeing their own operator’s endpoints; targets must be https', async () => {
    const created = (await register(tokenA, { url: `${base}/private`, eventTypes: ['*'] })).json()
    const anonymous = await s.host.app.inject({ method: 'GET', url: '/v1/webhooks' })
    expect(anonymous.statusCode).toBe(401)
    const member = await s.keys.token({ sub: uuidv7(), orgs: [{ id: communeA.id, role: 'elected' }] })
    const forbidden = await register(member, { url: `${base}/x`, eventTypes: ['*'] })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
    const tokenB = await s.keys.token({ sub: uuidv7(), roles: ['admin'], op: operatorB })
    for (const [method, url] of [
      ['GET', `/v1/webhooks/${created.id}`],
      ['GET', `/v1/webhooks/${created.id}/deliveries`],
      ['DELETE', `/v1/webhooks/${created.id}`],
    ] as const) {
      const res = await s.host.app.inject({ method, url, headers: auth(tokenB) })
      expect(res.statusCode, `${method} ${url}`).toBe(404)
    }
    const listB = await s.host.app.inject({ method: 'GET', url: '/v1/webhooks', headers: auth(tokenB) })
    expect(listB.json().items.every((e: { operatorId: string }) => e.operatorId === operatorB)).toBe(true)
    // A national admin sees every endpoint and may register one for an operator; an operator's admin may not for another.
    const national = await s.keys.token({ sub: uuidv7(), roles: ['admin'] })
    const all = await s.host.app.inject({
      method: 'GET',
      url: '/v1/webhooks?limit=100',
      headers: auth(national),
    })
    expect(all.json().items.map((e: { id: string }) => e.id)).toContain(created.id)
    const onBehalf = await register(tokenA, { url: `${base}/y`, eventTypes: ['*'], operatorId: operatorB })
    expect(onBehalf.statusCode).toBe(403)
    const bad = await register(tokenA, {
      url: `${base}/z`,
      eventTypes: ['osinum.identity.magic-link.requested'],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('OSI_VALIDATION')
    const deleted = await s.host.app.inject({
      method: 'DELETE',
      url: `/v1/webhooks/${created.id}`,
      headers: auth(tokenA),
    })
    expect(deleted.statusCode).toBe(204)
  })

  it('refuses plain http and private targets unless insecure targets are allowed (tests)', () => {
    expect(() => checkTargetUrl('http://hooks.example.fr/x', false)).toThrow(/https/)
    expect(() => checkTargetUrl('http://127.0.0.1:8080/x', false)).toThrow(/https/)
    expect(() => checkTargetUrl('https://127.0.0.1/x', false)).toThrow(/private/)
    expect(() => checkTargetUrl('https://10.1.2.3/x', false)).toThrow(/private/)
    expect(() => checkTargetUrl('https://[::1]/x', false)).toThrow(/private/)
    expect(() => checkTargetUrl('https://user:pw@hooks.example.fr/x', false)).toThrow(/credentials/)
    expect(checkTargetUrl('https://hooks.example.fr/osinum', false)).toBe('https://hooks.example.fr/osinum')
    expect(checkTargetUrl('http://127.0.0.1:8080/x', true)).toBe('http://127.0.0.1:8080/x')
    expect(() => checkTargetUrl('http://hooks.example.fr/x', true)).toThrow(/https/)
    expect(isPrivateAddress('192.168.1.10')).toBe(true)
    expect(isPrivateAddress('::ffff:10.0.0.1')).toBe(true)
    expect(isPrivateAddress('93.184.216.34')).toBe(false)
  })
})
