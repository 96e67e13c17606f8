import { DEMO } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bearer, linkIn, type Platform, startPlatform } from './harness.js'
import { answerAndSubmitDiagnostic, createCommune, refresh, signUpByMagicLink, type Tokens } from './steps.js'

const infra = infrastructure()
const SERVICES = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications'] as const
/** Transport records, not service data: published outbox rows are pruned after 7 days (docs/events.md). */
const TRANSPORT_TABLES = new Set([
  'outbox',
  'inbox',
  'dead_letters',
  'kysely_migration',
  'kysely_migration_lock',
])

describeWithNats('journey 2: erasing an account', () => {
  let p: Platform
  beforeAll(async () => {
    p = await startPlatform({ natsUrl: infra.natsUrl! })
  })
  afterAll(async () => {
    await p?.close()
  })

  /** Tables of a service's own schema whose rows mention `needle` anywhere. */
  async function tablesMentioning(service: (typeof SERVICES)[number], needle: string) {
    const schema = p.host.services.get(service)!.deps.schema
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(
      p.database.db,
    )
    const hits: string[] = []
    for (const { table_name } of tables.rows) {
      if (TRANSPORT_TABLES.has(table_name)) continue
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${schema}.${table_name}`)} t where t::text ilike ${`%${needle}%`}`.execute(
        p.database.db,
      )
      if (rows[0]!.n > 0) hits.push(`${schema}.${table_name}`)
    }
    return hits
  }

  it("removes or anonymises the person's data in every service, and no email reaches them afterwards", async () => {
    const email = 'adjointe@mairie-bourganeuf.example'
    const name = 'Anne-Sophie Effacée'
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

    // Leave traces in every service: a diagnostic, a training registration, a community post.
    await answerAndSubmitDiagnostic(p, erased, commune.id)
    await p.mail.waitFor(email, (m) => m.text.includes('/resultats'))
    const trainings = (await p.inject({ method: 'GET', url: '/v1/trainings?limit=100' })).json() as {
      items: Array<{ slug: string }>
    }
    const training = (
      await p.inject({ method: 'GET', url: `/v1/trainings/${trainings.items[0]!.slug}` })
    ).json() as {
      sessions: Array<{ id: string }>
    }
    const registration = await p.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: bearer(erased),
      payload: { sessionId: training.sessions[0]!.id },
    })
    expect(registration.statusCode).toBe(201)
    const post = await p.inject({
      method: 'POST',
      url: '/v1/experiences',
      headers: bearer(erased),
      payload: {
        organisationId: commune.id,
        // What a person writes stays with the commune (anonymised); what identifies the author must go.
        title: 'Notre passage au libre',
        body: "Retour d'expérience sur le passage à une suite bureautique libre.",
        themes: ['open-source'],
        tools: ['libreoffice'],
      },
    })
    expect(post.statusCode, post.body).toBe(201)
    await waitFor(async () => (await tablesMentioning('notifications', email)).length > 0, 30_000)

    const gone = await p.inject({ method: 'DELETE', url: '/v1/users/me', headers: bearer(erased) })
    expect(gone.statusCode).toBeLessThan(300)

    // Every service honours the erasure event: no table of theirs keeps the email or the name.
    for (const service of SERVICES) {
      await waitFor(async () => {
        const left = [...(await tablesMentioning(service, email)), ...(await tablesMentioning(service, name))]
        return left.length === 0 ? true : undefined
      }, 30_000).catch(async () => {
        throw new Error(
          `${service} still holds personal data in ${[...(await tablesMentioning(service, email)), ...(await tablesMentioning(service, name))].join(', ')}`,
        )
      })
    }
    // Erasure takes effect when each service has applied the event: a mail already leaving before
    // (the training registration's, say) may still arrive; none may after.
    const mailsBefore = p.mail.to(email).length
    // The old session is dead.
    expect((await p.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(erased) })).statusCode).toBe(
      401,
    )

    // The colleague's next diagnostic is mailed to the colleague only.
    const fresh = await refresh(p, colleague)
    await answerAndSubmitDiagnostic(p, fresh, commune.id)
    await p.mail.waitFor('secretariat@mairie-bourganeuf.example', (m) => m.text.includes('/resultats'))
    await new Promise((r) => setTimeout(r, 2_000))
    expect(p.mail.to(email)).toHaveLength(mailsBefore)
    expect(DEMO.password).toBeDefined()
  })
})
