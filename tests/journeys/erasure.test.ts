import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, linkIn, type Platform, startPlatform } from './harness.js'
import { answerAndSubmitDiagnostic, createCommune, refresh, signUpByMagicLink, type Tokens } from './steps.js'

const infra = infrastructure()
const SERVICES = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications'] as const
/** Migrations' bookkeeping only: every other table, outbox, inbox and dead letters included, is searched. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock'])

/**
 * GDPR across the five services: a person leaves traces everywhere (naming themselves in what they
 * write), exports them all, is erased, and no table of any service still holds their email or name.
 */
function erasureJourney(natsUrl: string | undefined) {
  let p: Platform
  let receiver: Server
  const webhookBodies: string[] = []
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (d) => {
        body += d
      })
      req.on('end', () => {
        webhookBodies.push(body)
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    p = await startPlatform({ natsUrl, extraEnv: { WEBHOOK_ALLOW_INSECURE: 'true' } })
  })
  afterAll(async () => {
    await p?.close()
    await new Promise((r) => receiver?.close(r))
  })

  /** Tables of a service's schema whose rows mention `needle` anywhere (case-insensitive). */
  async function tablesMentioning(service: (typeof SERVICES)[number], needle: string) {
    const schema = p.host.services.get(service)!.deps.schema
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(
      p.database.db,
    )
    const hits: string[] = []
    for (const { table_name } of tables.rows) {
      if (BOOKKEEPING.has(table_name)) continue
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${schema}.${table_name}`)} t where t::text ilike ${`%${needle}%`}`.execute(
        p.database.db,
      )
      if (rows[0]!.n > 0) hits.push(`${schema}.${table_name}`)
    }
    return hits
  }

  it('exports every kind of data from every service, then erasure leaves neither email nor name in any table of any service, and no email reaches them afterwards', async () => {
    const email = 'adjointe@mairie-bourganeuf.example'
    const name = 'Anne-Sophie Effacée'
    const call = async (tokens: Tokens, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
      const res = await p.inject({ method, url, headers: bearer(tokens), payload })
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300)
      return res.json() as { id: string; [k: string]: unknown }
    }

    // The syndicate's administrator receives every event by webhook.
    const admin = (
      await p.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: DEMO.admin.email, password: DEMO.password },
      })
    ).json() as Tokens
    await call(admin, 'POST', '/v1/webhooks', {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/osinum`,
      description: 'Tableau de bord du syndicat',
      eventTypes: ['*'],
    })

    let erased: Tokens = await signUpByMagicLink(p, email, name)
    const { commune, tokens } = await createCommune(p, erased, 'Bourganeuf')
    erased = tokens

    // A colleague joins, so the commune lives on after the erasure.
    const invite = await p.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(erased),
      payload: { organisationId: commune.id, email: 'secretariat@mairie-bourganeuf.example', role: 'agent' },
    })
    expect(invite.statusCode).toBe(201)
    const invitation = await p.mail.waitFor('secretariat@mairie-bourganeuf.example', (m) =>
      m.text.includes('token='),
    )
    const url = new URL(`http://x${linkIn(invitation, 'token=')}`)
    const accepted = await p.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: url.searchParams.get('token') },
    })
    expect(accepted.statusCode).toBeLessThan(300)
    const colleague = accepted.json() as Tokens

    // Diagnostics: a submitted diagnostic, a support request and its message, an action item and its comment.
    await answerAndSubmitDiagnostic(p, erased, commune.id)
    await p.mail.waitFor(email, (m) => m.text.includes('/resultats'))
    const request = await call(erased, 'POST', '/v1/support-requests', {
      organisationId: commune.id,
      topic: `Messagerie : aide pour ${name}`,
      message: `Bonjour, je suis ${name}, joignable à ${email}.`,
    })
    await call(erased, 'POST', `/v1/support-requests/${request.id}/messages`, { body: `Merci ! ${name}` })
    const item = await call(erased, 'POST', `/v1/action-plans/${commune.id}/items`, {
      title: `Changer la messagerie (suivi : ${name})`,
      owner: name,
    })
    await call(erased, 'POST', `/v1/action-items/${item.id}/comments`, {
      body: `Fait par ${name} (${email})`,
    })

    // Catalogue: a review and a usage declaration (once the catalogue knows the commune).
    const tool = 'libreoffice'
    await waitFor(async () => {
      const res = await p.inject({
        method: 'POST',
        url: '/v1/tool-usages',
        headers: bearer(erased),
        payload: {
          toolSlug: tool,
          organisationId: commune.id,
          status: 'uses',
          comment: `Contactez ${name} : ${email}`,
          contactConsent: true,
        },
      })
      return res.statusCode < 300
    }, 30_000)
    await call(erased, 'POST', `/v1/tools/${tool}/reviews`, {
      organisationId: commune.id,
      rating: 4,
      text: `Très bien pour notre mairie. ${name}, adjointe.`,
    })

    // Resources: a training registration, a post and a comment naming her, an "utile" mark, a report, a collection.
    const trainings = (await p.inject({ method: 'GET', url: '/v1/trainings?limit=100' })).json() as {
      items: Array<{ slug: string }>
    }
    const training = (
      await p.inject({ method: 'GET', url: `/v1/trainings/${trainings.items[0]!.slug}` })
    ).json() as { sessions: Array<{ id: string }> }
    await call(erased, 'POST', '/v1/registrations', { sessionId: training.sessions[0]!.id })
    const post = await call(erased, 'POST', '/v1/experiences', {
      organisationId: commune.id,
      title: `Notre passage au libre, par ${name}`,
      body: `Retour d'expérience sur le passage à une suite bureautique libre. Écrivez-moi : ${email}`,
      themes: ['open-source'],
      tools: ['libreoffice'],
    })
    await call(erased, 'POST', `/v1/experiences/${post.id}/comments`, {
      body: `Précision de ${name} : tout va bien.`,
    })
    await call(erased, 'PUT', `/v1/experiences/${post.id}/useful`)
    const resources = (await p.inject({ method: 'GET', url: '/v1/resources?limit=1' })).json() as {
      items: Array<{ slug: string }>
    }
    await call(erased, 'POST', `/v1/resources/${resources.items[0]!.slug}/reports`, {
      reason: 'outdated',
      message: `Lien mort, signalé par ${name}`,
    })
    await call(erased, 'POST', '/v1/collections', { name: `Favoris de ${name}` })
    // Notifications: preferences, and what the platform sent her.
    await call(erased, 'PATCH', '/v1/notification-preferences', { digest: { frequency: 'weekly' } })
    await waitFor(async () => (await tablesMentioning('notifications', email)).length > 0, 30_000)
    await waitFor(() => webhookBodies.some((b) => b.includes(name)), 30_000)

    // The export holds every kind, from every service.
    const exported = await p.inject({ method: 'GET', url: '/v1/users/me/export', headers: bearer(erased) })
    expect(exported.statusCode, exported.body).toBe(200)
    const archive = exported.json()
    const nonEmpty: Record<string, string[]> = {
      identity: ['memberships', 'sessions', 'invitationsSent'],
      diagnostics: [
        'diagnostics',
        'answers',
        'supportRequests',
        'supportMessages',
        'actionItems',
        'actionItemComments',
      ],
      catalogue: ['reviews', 'usages'],
      resources: ['registrations', 'experiences', 'comments', 'usefulMarks', 'reports', 'collections'],
      notifications: ['notifications', 'deliveries', 'digestSettings'],
    }
    expect(archive.identity.user).toMatchObject({ email, displayName: name })
    for (const [service, kinds] of Object.entries(nonEmpty))
      for (const kind of kinds)
        expect(archive[service]?.[kind]?.length, `${service}.${kind}`).toBeGreaterThan(0)
    for (const [service, kind] of [
      ['diagnostics', 'advisorNotes'],
      ['catalogue', 'contactRequests'],
      ['catalogue', 'reviewReports'],
      ['notifications', 'preferences'],
    ])
      expect(archive[service!]?.[kind!], `${service}.${kind}`).toBeInstanceOf(Array)
    expect(archive.resources.experiences[0].title).toContain(name)

    const gone = await p.inject({ method: 'DELETE', url: '/v1/users/me', headers: bearer(erased) })
    expect(gone.statusCode).toBeLessThan(300)

    // Every service honours the erasure event: no table of theirs, outbox, inbox, dead letters and
    // delivery logs included, keeps the email or the name.
    for (const service of SERVICES) {
      const left = async () => [
        ...(await tablesMentioning(service, email)),
        ...(await tablesMentioning(service, name)),
      ]
      await waitFor(async () => ((await left()).length === 0 ? true : undefined), 30_000).catch(async () => {
        throw new Error(`${service} still holds personal data in ${(await left()).join(', ')}`)
      })
    }
    // The public post stays, anonymised, without her name.
    const kept = (await p.inject({ method: 'GET', url: `/v1/experiences/${post.id}` })).json()
    expect(kept.title).toBe('Notre passage au libre, par [nom effacé]')
    expect(JSON.stringify(kept)).not.toContain(email)

    // Erasure takes effect when each service has applied the event: a mail whose SMTP exchange had
    // begun (the support request's, say) may still arrive; once they have, none may after.
    await p.settled()
    const mailsBefore = p.mail.to(email).length
    // The old session is dead.
    expect((await p.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(erased) })).statusCode).toBe(
      401,
    )

    // The colleague's next diagnostic is mailed to the colleague only.
    const fresh = await refresh(p, colleague)
    await answerAndSubmitDiagnostic(p, fresh, commune.id)
    await p.mail.waitFor('secretariat@mairie-bourganeuf.example', (m) => m.text.includes('/resultats'))
    await p.settled()
    expect(p.mail.to(email)).toHaveLength(mailsBefore)
  })
}

describeWithNats('journey 2: exporting and erasing an account (PostgreSQL, NATS JetStream)', () => {
  erasureJourney(infra.natsUrl)
})

describe('journey 2: exporting and erasing an account (embedded: PGlite, in-process bus)', () => {
  erasureJourney(undefined)
})
