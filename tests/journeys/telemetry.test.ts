import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PAGES } from '@osinum/contracts'
import { startTelemetry } from '@osinum/service-kit/tracing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Platform } from './harness.js'

// The platform (and `pg` with it) is imported after the SDK starts, as `--import` does in production:
// instrumentation patches modules as they load.
const harness = () => import('./harness.js')
const steps = () => import('./steps.js')

/** What an OTLP/HTTP (JSON) receiver got: every request body, as sent. */
interface Receiver {
  url: string
  bodies: string[]
  close(): Promise<void>
}

async function startOtlpReceiver(): Promise<Receiver> {
  const bodies: string[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(Buffer.concat(chunks).toString('utf8'))
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

interface OtlpSpan {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
  attributes?: Array<{ key: string; value: Record<string, unknown> }>
}
const SPAN_KIND = { SERVER: 2, PRODUCER: 4, CONSUMER: 5 }

function spansOf(bodies: string[]): OtlpSpan[] {
  return bodies.flatMap((b) =>
    (
      JSON.parse(b) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }
    ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
  )
}
const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes?.find((a) => a.key === key)?.value
  return v ? Object.values(v)[0] : undefined
}

const infra = infrastructure()
const tokenIn = (pathAndQuery: string) => new URL(`http://x${pathAndQuery}`).searchParams.get('token') ?? ''

describeWithNats('traces exported over OTLP during the sign-in flows', () => {
  let receiver: Receiver
  let sdk: ReturnType<typeof startTelemetry>
  let p: Platform
  const secrets: Record<string, string> = {}

  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url
    sdk = startTelemetry({ serviceName: 'osinum-journey' })
    p = await (await harness()).startPlatform({ natsUrl: infra.natsUrl! })
  })
  let stopped = false
  afterAll(async () => {
    if (!stopped) await p?.close()
    await sdk?.shutdown()
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT
    await receiver?.close()
  })

  it('signs up: email verification and magic link opened from their GET links', async () => {
    const { linkIn } = await harness()
    // Email verification and magic link, each opened as the link in the email (GET ?token=).
    const email = 'secretaire@saint-priest-palus.example'
    const registered = await p.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email, displayName: 'Dominique' },
    })
    expect(registered.statusCode).toBe(202)
    const verification = await p.mail.waitFor(email, (m) => m.text.includes(PAGES.verifyEmail))
    secrets.verification = tokenIn(linkIn(verification, PAGES.verifyEmail))
    const verified = await p.inject({
      method: 'GET',
      url: `/v1/auth/email/verify?token=${encodeURIComponent(secrets.verification)}`,
    })
    expect(verified.statusCode, verified.body).toBe(200)
    await p.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email } })
    const magic = await p.mail.waitFor(email, (m) => m.text.includes(PAGES.magicLink))
    secrets.magicLink = tokenIn(linkIn(magic, PAGES.magicLink))
    const signedIn = await p.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${encodeURIComponent(secrets.magicLink)}`,
    })
    expect(signedIn.statusCode, signedIn.body).toBe(200)
  })

  it('accepts an invitation from its GET link', async () => {
    const { bearer, linkIn } = await harness()
    const { createCommune, signUpByMagicLink } = await steps()
    // An invitation accepted from its link.
    const referent = await signUpByMagicLink(p, 'maire@saint-priest-palus.example', 'Camille')
    const { commune, tokens } = await createCommune(p, referent, 'Saint-Priest-Palus')
    const invitee = 'adjoint@saint-priest-palus.example'
    const invited = await p.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(tokens),
      payload: { organisationId: commune.id, email: invitee, role: 'agent' },
    })
    expect(invited.statusCode, invited.body).toBe(201)
    const invitation = await p.mail.waitFor(invitee, (m) => m.text.includes(PAGES.invitation))
    secrets.invitation = tokenIn(linkIn(invitation, PAGES.invitation))
    const accepted = await p.inject({
      method: 'GET',
      url: `/v1/invitations/accept?token=${encodeURIComponent(secrets.invitation)}`,
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
  })

  it('opens unsubscribe and OIDC return links, and probes', async () => {
    // Unsubscribe and OIDC return links carry their secret in the query string whatever the outcome.
    secrets.unsubscribe = 'unsubscribe-secret-value-4f1c9e2a7b'
    await p.inject({ method: 'GET', url: `/v1/unsubscribe?token=${secrets.unsubscribe}` })
    secrets.oidcCode = 'oidc-code-value-8d2e61f0c3'
    secrets.oidcState = 'oidc-state-value-13ab57ce90'
    await p.inject({
      method: 'GET',
      url: `/v1/auth/oidc/callback?code=${secrets.oidcCode}&state=${secrets.oidcState}`,
    })
    // Probes are not traced.
    await p.inject({ method: 'GET', url: '/readyz' })
    await p.inject({ method: 'GET', url: '/livez' })
    // Stop the platform (relay and consumers finish what they hold), then flush the exporter.
    stopped = true
    await p.close()
    await sdk.shutdown()
  })

  it('names the service in the exported resource', () => {
    const resources = receiver.bodies.flatMap(
      (b) =>
        (JSON.parse(b) as { resourceSpans: Array<{ resource: { attributes: OtlpSpan['attributes'] } }> })
          .resourceSpans,
    )
    const names = resources.map((r) => r.resource.attributes?.find((a) => a.key === 'service.name')?.value)
    expect(names.length).toBeGreaterThan(0)
    expect(names.every((n) => n?.stringValue === 'osinum-journey')).toBe(true)
  })

  it('exports the requests of the flows with their path and route', () => {
    const requests = spansOf(receiver.bodies).filter((s) => attr(s, 'http.route'))
    const paths = requests.map((s) => attr(s, 'url.path'))
    expect(paths).toContain('/v1/auth/magic-link/verify')
    expect(paths).toContain('/v1/auth/email/verify')
    expect(paths).toContain('/v1/invitations/accept')
    expect(paths).toContain('/v1/unsubscribe')
    expect(paths.every((path) => !String(path).includes('?'))).toBe(true)
  })

  it('never exports a token, an OIDC code or state, in any attribute of any span', () => {
    expect(Object.values(secrets).every((s) => s.length >= 16)).toBe(true)
    const exported = receiver.bodies.join('\n')
    for (const [flow, secret] of Object.entries(secrets))
      expect(exported.includes(secret), `${flow} token in exported spans`).toBe(false)
  })

  it('exports SQL without its parameters and only inside a request or a consumer', () => {
    const queries = spansOf(receiver.bodies).filter(
      (s) => attr(s, 'db.query.text') ?? attr(s, 'db.statement'),
    )
    expect(queries.length).toBeGreaterThan(0)
    expect(queries.filter((s) => !s.parentSpanId)).toEqual([])
    expect(spansOf(receiver.bodies).some((s) => s.attributes?.some((a) => a.key.includes('values')))).toBe(
      false,
    )
  })

  it('does not trace probes', () => {
    const probes = spansOf(receiver.bodies).filter((s) =>
      ['/livez', '/readyz'].includes(String(attr(s, 'url.path'))),
    )
    expect(probes).toEqual([])
  })

  it("links each event's consumer to the relay's PRODUCER span, in the request's trace", () => {
    const spans = spansOf(receiver.bodies)
    const producers = spans.filter((s) => s.kind === SPAN_KIND.PRODUCER)
    expect(producers.length).toBeGreaterThan(0)
    const consumers = spans.filter((s) => s.kind === SPAN_KIND.CONSUMER)
    const linked = consumers.filter((c) => producers.some((p) => p.spanId === c.parentSpanId))
    expect(linked.length).toBeGreaterThan(0)
    // A producer continues the trace of the request that recorded the event.
    const requestTraces = new Set(spans.filter((s) => s.kind === SPAN_KIND.SERVER).map((s) => s.traceId))
    expect(producers.some((p) => p.parentSpanId && requestTraces.has(p.traceId))).toBe(true)
  })
})
