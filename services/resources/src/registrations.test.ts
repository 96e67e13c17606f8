import { randomUUID } from 'node:crypto'
import { ResourcesEvents } from '@osinum/contracts'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OP_B, seedOrganisations, startTestService, type TestService } from './testing.js'

interface RegistrationBody {
  id: string
  status: 'registered' | 'waiting' | 'cancelled'
  position: number | null
  userId: string
  promotedAt: string | null
  session?: { registeredCount: number; waitingCount: number; seatsLeft: number; onlineUrl: string | null }
}

const training = (slug: string, over: Record<string, unknown> = {}) => ({
  slug,
  title: 'Open data : premiers pas',
  summary: 'Publier un premier jeu de données.',
  description: '## Programme\n\n1. Pourquoi\n2. Comment',
  themes: ['open-data'],
  audience: ['elected', 'agent'],
  level: 'beginner',
  durationMinutes: 120,
  ...over,
})

describe('training registrations', () => {
  let t: TestService

  async function newSession(slug: string, capacity: number, over: Record<string, unknown> = {}) {
    const editor = await t.auth('nationalEditor')
    const tr = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editor,
      payload: training(slug),
    })
    expect(tr.statusCode, tr.body).toBe(201)
    const s = await t.host.app.inject({
      method: 'POST',
      url: `/v1/trainings/${slug}/sessions`,
      headers: editor,
      payload: {
        startsAt: '2027-03-11T09:30',
        endsAt: '2027-03-11T11:30',
        mode: 'online',
        onlineUrl: 'https://visio.example.org/osinum-test',
        capacity,
        ...over,
      },
    })
    expect(s.statusCode, s.body).toBe(201)
    return (s.json() as { id: string }).id
  }

  const registerAs = async (userId: string, sessionId: string) =>
    t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.authAs(userId),
      payload: { sessionId },
    })

  const statuses = async (sessionId: string) =>
    t.db
      .selectFrom('registrations')
      .select(['id', 'user_id', 'status', 'seq', 'promoted_at'])
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute()

  const outboxCount = async (subject: string, aggregateId?: string) => {
    const rows = await t.db
      .selectFrom('outbox')
      .select('aggregate_id')
      .where('subject', '=', subject)
      .$if(aggregateId !== undefined, (q) => q.where('aggregate_id', '=', aggregateId!))
      .execute()
    return rows.length
  }

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('never registers more people than seats when 20 people ask for the last 3 at once; the rest wait in order', async () => {
    const sessionId = await newSession('concurrence', 5)
    // Two seats already taken: three are left.
    for (let i = 0; i < 2; i++) expect((await registerAs(randomUUID(), sessionId)).statusCode).toBe(201)

    const people = Array.from({ length: 20 }, () => randomUUID())
    const responses = await Promise.all(people.map((p) => registerAs(p, sessionId)))
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    const bodies = responses.map((r) => r.json() as RegistrationBody)
    expect(bodies.filter((b) => b.status === 'registered')).toHaveLength(3)
    expect(bodies.filter((b) => b.status === 'waiting')).toHaveLength(17)

    const rows = await statuses(sessionId)
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(5)
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(17)
    // Waiting positions are 1..17, in arrival order.
    const positions = bodies.filter((b) => b.status === 'waiting').map((b) => b.position)
    expect([...positions].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))

    const session = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${sessionId}` })
    expect(session.json()).toMatchObject({ capacity: 5, registeredCount: 5, waitingCount: 17, seatsLeft: 0 })
    expect(await outboxCount(ResourcesEvents.RegistrationCreated.subject)).toBeGreaterThanOrEqual(22)
  })

  it('a cancellation gives the seat to the first person waiting, once', async () => {
    const sessionId = await newSession('annulation', 2)
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    const ra = (await registerAs(a, sessionId)).json() as RegistrationBody
    await registerAs(b, sessionId)
    const rc = (await registerAs(c, sessionId)).json() as RegistrationBody
    const rd = (await registerAs(d, sessionId)).json() as RegistrationBody
    expect([ra.status, rc.status, rd.status]).toEqual(['registered', 'waiting', 'waiting'])
    expect([rc.position, rd.position]).toEqual([1, 2])

    const cancel = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/registrations/${ra.id}`,
      headers: await t.authAs(a),
    })
    expect(cancel.statusCode).toBe(204)
    let rows = await statuses(sessionId)
    expect(rows.find((r) => r.user_id === c)).toMatchObject({ status: 'registered' })
    expect(rows.find((r) => r.user_id === c)?.promoted_at).not.toBeNull()
    expect(rows.find((r) => r.user_id === d)).toMatchObject({ status: 'waiting' })
    expect(await outboxCount(ResourcesEvents.RegistrationPromoted.subject, rc.id)).toBe(1)
    expect(await outboxCount(ResourcesEvents.RegistrationCancelled.subject, ra.id)).toBe(1)

    // Cancelling again changes nothing: nobody else is promoted.
    const again = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/registrations/${ra.id}`,
      headers: await t.authAs(a),
    })
    expect(again.statusCode).toBe(204)
    rows = await statuses(sessionId)
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(2)
    expect(rows.find((r) => r.user_id === d)).toMatchObject({ status: 'waiting' })
    expect(await outboxCount(ResourcesEvents.RegistrationPromoted.subject)).toBe(1)

    // The promoted person now sees the visio link; d is first on the list.
    const mine = await t.host.app.inject({
      method: 'GET',
      url: `/v1/registrations/${rc.id}`,
      headers: await t.authAs(c),
    })
    expect(mine.json()).toMatchObject({
      status: 'registered',
      session: { onlineUrl: 'https://visio.example.org/osinum-test' },
    })
    const waiting = await t.host.app.inject({
      method: 'GET',
      url: `/v1/registrations/${rd.id}`,
      headers: await t.authAs(d),
    })
    expect(waiting.json()).toMatchObject({ status: 'waiting', position: 1, session: { onlineUrl: null } })
  })

  it('a person leaving the waiting list promotes nobody', async () => {
    const sessionId = await newSession('attente', 1)
    const [a, b] = [randomUUID(), randomUUID()]
    await registerAs(a, sessionId)
    const rb = (await registerAs(b, sessionId)).json() as RegistrationBody
    const before = await outboxCount(ResourcesEvents.RegistrationPromoted.subject)
    await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/registrations/${rb.id}`,
      headers: await t.authAs(b),
    })
    expect(await outboxCount(ResourcesEvents.RegistrationPromoted.subject)).toBe(before)
    const rows = await statuses(sessionId)
    expect(rows.map((r) => r.status)).toEqual(['registered', 'cancelled'])
  })

  it('more seats go to the people waiting, first come first served', async () => {
    const sessionId = await newSession('capacite', 1)
    const people = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    for (const p of people) await registerAs(p, sessionId)
    const res = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: await t.auth('nationalEditor'),
      payload: { capacity: 3 },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ registeredCount: 3, waitingCount: 1 })
    const rows = await statuses(sessionId)
    expect(rows.map((r) => r.status)).toEqual(['registered', 'registered', 'registered', 'waiting'])
    const shrink = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: await t.auth('nationalEditor'),
      payload: { capacity: 2 },
    })
    expect(shrink.statusCode).toBe(409)
    expect(shrink.json()).toMatchObject({ code: 'OSI_RESOURCES_CAPACITY_BELOW_REGISTERED' })
  })

  it('refuses a second registration of the same person and a session already started', async () => {
    const sessionId = await newSession('doublon', 3)
    const p = randomUUID()
    expect((await registerAs(p, sessionId)).statusCode).toBe(201)
    const twice = await registerAs(p, sessionId)
    expect(twice.statusCode).toBe(409)
    expect(twice.headers['content-type']).toContain('application/problem+json')
    expect(twice.json()).toMatchObject({ code: 'OSI_RESOURCES_ALREADY_REGISTERED' })

    const past = await newSession('passee', 3, { startsAt: '2020-01-10T14:00', endsAt: '2020-01-10T16:00' })
    const late = await registerAs(p, past)
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({ code: 'OSI_RESOURCES_SESSION_CLOSED' })
  })

  it("hides another operator's local sessions and lets only their organisers see the list", async () => {
    const editorB = await t.auth('editorB')
    const created = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editorB,
      payload: training('locale-b'),
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ operatorId: OP_B })
    const s = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings/locale-b/sessions',
      headers: editorB,
      payload: {
        startsAt: '2027-04-08T14:00',
        endsAt: '2027-04-08T16:00',
        mode: 'in-person',
        place: 'Mairie B',
        capacity: 5,
      },
    })
    const sessionId = (s.json() as { id: string }).id
    const asA = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.auth('memberA'),
      payload: { sessionId },
    })
    expect(asA.statusCode).toBe(404)
    const asB = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.auth('memberB'),
      payload: { sessionId },
    })
    expect(asB.statusCode).toBe(201)
    const editA = await t.host.app.inject({
      method: 'PATCH',
      url: '/v1/trainings/locale-b',
      headers: await t.auth('editorA'),
      payload: { title: 'Piratée' },
    })
    expect(editA.statusCode).toBe(404)
    const listA = await t.host.app.inject({
      method: 'GET',
      url: `/v1/training-sessions/${sessionId}/registrations`,
      headers: await t.auth('editorA'),
    })
    expect(listA.statusCode).toBe(404)
    const listB = await t.host.app.inject({
      method: 'GET',
      url: `/v1/training-sessions/${sessionId}/registrations`,
      headers: editorB,
    })
    expect(listB.statusCode).toBe(200)
    expect(listB.json()).toHaveLength(1)
    const cancelByOther = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/registrations/${(asB.json() as { id: string }).id}`,
      headers: await t.auth('memberA'),
    })
    expect(cancelByOther.statusCode).toBe(404)
  })

  it('stores Paris wall-clock times as instants and lists my registrations', async () => {
    const sessionId = await newSession('heure-ete', 10, {
      startsAt: '2027-06-10T09:00',
      endsAt: '2027-06-10T12:00',
    })
    const row = await sql<{
      utc: string
    }>`select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as utc
      from ${sql.table(`${t.schema}.training_sessions`)} where id = ${sessionId}`.execute(t.db)
    expect(row.rows[0]?.utc).toBe('2027-06-10T07:00')
    const p = randomUUID()
    await registerAs(p, sessionId)
    const mine = await t.host.app.inject({
      method: 'GET',
      url: '/v1/registrations',
      headers: await t.authAs(p),
    })
    expect(mine.statusCode).toBe(200)
    expect(mine.json()).toMatchObject({
      total: 1,
      items: [
        {
          status: 'registered',
          session: { startsAt: '2027-06-10T09:00:00+02:00', startsAtLocal: '2027-06-10T09:00:00' },
        },
      ],
    })
    const bad = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings/heure-ete/sessions',
      headers: await t.auth('nationalEditor'),
      payload: {
        startsAt: '2027-03-28T02:30',
        endsAt: '2027-03-28T04:00',
        mode: 'in-person',
        place: 'Salle',
        capacity: 3,
      },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ code: 'OSI_VALIDATION', errors: [{ field: 'body.startsAt' }] })
  })
})
