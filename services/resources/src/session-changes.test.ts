import { randomUUID } from 'node:crypto'
import { ResourcesEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OP_A, seedOrganisations, startTestService, type TestService } from './testing.js'

const VISIO = 'https://visio.example.org/reunion-secrete'

interface Event {
  subject: string
  data: {
    registrationId: string
    userId: string
    status: string
    sequence?: number
    place?: string | null
    onlineUrl?: string | null
    cause?: string
    changes?: string[]
  }
}

describe('session changes (resources side: stored state and events)', () => {
  let t: TestService

  async function newSession(
    slug: string,
    capacity: number,
    who: 'nationalEditor' | 'editorA' = 'nationalEditor',
    operatorId: string | null = null,
  ) {
    const editor = await t.auth(who)
    const tr = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editor,
      payload: {
        slug,
        title: 'Le RGPD en mairie',
        summary: 'Tenir son registre.',
        description: 'Registre, droits, sous-traitants.',
        themes: ['gdpr'],
        audience: ['agent'],
        level: 'beginner',
        operatorId,
      },
    })
    expect(tr.statusCode, tr.body).toBe(201)
    const s = await t.host.app.inject({
      method: 'POST',
      url: `/v1/trainings/${slug}/sessions`,
      headers: editor,
      payload: {
        startsAt: '2027-05-20T09:30',
        endsAt: '2027-05-20T12:00',
        mode: 'online',
        onlineUrl: VISIO,
        capacity,
      },
    })
    expect(s.statusCode, s.body).toBe(201)
    return (s.json() as { id: string }).id
  }

  const registerAs = async (userId: string, sessionId: string) => {
    const r = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.authAs(userId),
      payload: { sessionId },
    })
    expect(r.statusCode, r.body).toBe(201)
    return r.json() as { id: string; status: string }
  }

  /** The events written for these registrations, oldest first. */
  async function eventsOf(ids: string[]): Promise<Event[]> {
    const rows = await t.db
      .selectFrom('outbox' as never)
      .select(['subject', 'envelope'] as never)
      .where('aggregate_id' as never, 'in', ids as never)
      .orderBy('seq' as never)
      .execute()
    return (rows as Array<{ subject: string; envelope: { data: Event['data'] } }>).map((r) => ({
      subject: r.subject,
      data: r.envelope.data,
    }))
  }

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('a new place or time tells everyone registered or waiting, each with a higher invitation version; a new visio link only those holding a seat', async () => {
    const sessionId = await newSession('rgpd-lieu', 1)
    const seated = await registerAs(randomUUID(), sessionId)
    const waiting = await registerAs(randomUUID(), sessionId)
    const editor = await t.auth('nationalEditor')
    const [created] = (await eventsOf([seated.id])).filter(
      (e) => e.subject === ResourcesEvents.RegistrationCreated.subject,
    )
    expect(created!.data).toMatchObject({ sequence: 0, onlineUrl: VISIO })
    const [waitCreated] = await eventsOf([waiting.id])
    expect(waitCreated!.data).toMatchObject({ status: 'waiting', onlineUrl: null })

    const link = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
      payload: { onlineUrl: 'https://visio.example.org/nouvelle-salle' },
    })
    expect(link.statusCode, link.body).toBe(200)
    const afterLink = await eventsOf([seated.id, waiting.id])
    const updates = afterLink.filter((e) => e.subject === ResourcesEvents.RegistrationUpdated.subject)
    expect(
      updates.map((e) => [e.data.registrationId, e.data.changes, e.data.sequence, e.data.onlineUrl]),
    ).toEqual([[seated.id, ['link'], 1, 'https://visio.example.org/nouvelle-salle']])

    const moved = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
      payload: {
        mode: 'in-person',
        place: 'Salle du conseil, mairie d’Arette',
        startsAt: '2027-05-20T14:00',
        endsAt: '2027-05-20T16:00',
      },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const second = (await eventsOf([seated.id, waiting.id]))
      .filter((e) => e.subject === ResourcesEvents.RegistrationUpdated.subject)
      .slice(1)
    expect(second.map((e) => [e.data.registrationId, e.data.changes, e.data.sequence])).toEqual([
      [seated.id, ['time', 'place', 'link'], 2],
      [waiting.id, ['time', 'place'], 1],
    ])
    for (const e of second) expect(e.data.place).toBe('Salle du conseil, mairie d’Arette')
    // The waiting list never receives a visio link, in any event.
    for (const e of await eventsOf([waiting.id])) expect(e.data.onlineUrl ?? null).toBeNull()

    // Changing only the capacity moves nothing for the people: no update.
    const before = (await eventsOf([seated.id, waiting.id])).length
    const capacity = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
      payload: { capacity: 1 },
    })
    expect(capacity.statusCode).toBe(200)
    expect(await eventsOf([seated.id, waiting.id])).toHaveLength(before)
  })

  it('cancelling a session keeps it and its registrations as cancelled history; registering, changing it or deleting it with people is refused', async () => {
    const sessionId = await newSession('rgpd-annulee', 1)
    const seated = await registerAs(randomUUID(), sessionId)
    const waiting = await registerAs(randomUUID(), sessionId)
    const editor = await t.auth('nationalEditor')

    const refused = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json()).toMatchObject({ code: 'OSI_RESOURCES_SESSION_HAS_REGISTRANTS', status: 409 })
    expect((refused.json() as { detail: string }).detail).toMatch(/annulez-la d’abord/)

    const cancel = await t.host.app.inject({
      method: 'POST',
      url: `/v1/training-sessions/${sessionId}/cancel`,
      headers: editor,
    })
    expect(cancel.statusCode, cancel.body).toBe(200)
    expect(cancel.json()).toMatchObject({ cancelled: true, registeredCount: 0, waitingCount: 0 })
    const rows = await t.db
      .selectFrom('registrations')
      .select(['id', 'status', 'cancelled_by_session', 'ics_sequence'])
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute()
    expect(rows).toEqual([
      { id: seated.id, status: 'cancelled', cancelled_by_session: true, ics_sequence: 1 },
      { id: waiting.id, status: 'cancelled', cancelled_by_session: true, ics_sequence: 1 },
    ])
    const cancellations = (await eventsOf([seated.id, waiting.id])).filter(
      (e) => e.subject === ResourcesEvents.RegistrationCancelled.subject,
    )
    expect(cancellations.map((e) => [e.data.registrationId, e.data.cause, e.data.sequence])).toEqual([
      [seated.id, 'session-cancelled', 1],
      [waiting.id, 'session-cancelled', 1],
    ])
    // Cancelling twice tells nobody twice.
    const again = await t.host.app.inject({
      method: 'POST',
      url: `/v1/training-sessions/${sessionId}/cancel`,
      headers: editor,
    })
    expect(again.statusCode).toBe(200)
    expect(
      (await eventsOf([seated.id, waiting.id])).filter(
        (e) => e.subject === ResourcesEvents.RegistrationCancelled.subject,
      ),
    ).toHaveLength(2)

    const late = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.authAs(randomUUID()),
      payload: { sessionId },
    })
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({ code: 'OSI_RESOURCES_SESSION_CANCELLED' })
    const patch = await t.host.app.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
      payload: { startsAt: '2027-05-21T09:30', endsAt: '2027-05-21T12:00' },
    })
    expect(patch.statusCode).toBe(409)

    // The training no longer announces the cancelled session as upcoming; its page shows it cancelled.
    const training = await t.host.app.inject({ method: 'GET', url: '/v1/trainings/rgpd-annulee' })
    expect(training.json()).toMatchObject({
      upcomingSessions: 0,
      sessions: [{ id: sessionId, cancelled: true }],
    })
    const ics = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${sessionId}.ics` })
    expect(ics.body).toContain('STATUS:CANCELLED')
  })

  it('deletes a session nobody is registered to', async () => {
    const sessionId = await newSession('rgpd-vide', 3)
    const res = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/training-sessions/${sessionId}`,
      headers: await t.auth('nationalEditor'),
    })
    expect(res.statusCode).toBe(204)
  })

  it('lets only the organisers cancel a session', async () => {
    const sessionId = await newSession('rgpd-droits', 3)
    const url = `/v1/training-sessions/${sessionId}/cancel`
    expect((await t.host.app.inject({ method: 'POST', url })).statusCode).toBe(401)
    for (const who of ['memberA', 'advisorA', 'editorA'] as const) {
      const res = await t.host.app.inject({ method: 'POST', url, headers: await t.auth(who) })
      expect(res.statusCode, who).toBeGreaterThanOrEqual(403)
      expect(res.statusCode, who).toBeLessThan(405)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    // An operator's editor cancels its own local sessions.
    const local = await newSession('rgpd-local', 3, 'editorA', OP_A)
    const own = await t.host.app.inject({
      method: 'POST',
      url: `/v1/training-sessions/${local}/cancel`,
      headers: await t.auth('editorA'),
    })
    expect(own.statusCode, own.body).toBe(200)
    const session = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${sessionId}` })
    expect(session.json()).toMatchObject({ cancelled: false })
  })
})
