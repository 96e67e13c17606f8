import { DEMO } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import ICAL from 'ical.js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bearer, type Mail, type Platform, startPlatform } from './harness.js'
import { expectEachMailOnce, signUpByMagicLink } from './steps.js'

const infra = infrastructure()
const VISIO = 'https://visio.example.org/opendata-secret-room'

/** The calendar attached to a mail, parsed by ical.js as a calendar application would. */
function invitation(mail: Mail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))
  if (!attachment) return null
  const text = attachment.content.toString('utf8')
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  const event = new ICAL.Event(vevent)
  return {
    text,
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    location: event.location,
    zone: event.startDate.zone?.tzid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  }
}

describeWithNats('journey: a session that moves, then is cancelled, reaches every registrant', () => {
  let p: Platform
  beforeAll(async () => {
    p = await startPlatform({ natsUrl: infra.natsUrl! })
  })
  afterAll(async () => {
    await p?.close()
  })

  it('tells the registrant and the waiting list of a reschedule with an updated invitation, then of the cancellation; the waiting list never gets the visio link', async () => {
    const login = await p.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: DEMO.editor.email, password: DEMO.password },
    })
    expect(login.statusCode).toBe(200)
    const editor = bearer(login.json() as { accessToken: string })
    const created = await p.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editor,
      payload: {
        slug: 'ouvrir-ses-donnees-en-mairie',
        title: 'Ouvrir les données de sa mairie',
        summary: 'Publier un premier jeu de données ouvertes.',
        description: 'Choisir un jeu de données, le décrire, le publier.',
        themes: ['open-data'],
        audience: ['elected', 'agent'],
        level: 'beginner',
        durationMinutes: 120,
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const session = await p.inject({
      method: 'POST',
      url: '/v1/trainings/ouvrir-ses-donnees-en-mairie/sessions',
      headers: editor,
      payload: {
        startsAt: '2027-03-11T09:30',
        endsAt: '2027-03-11T11:30',
        mode: 'online',
        onlineUrl: VISIO,
        capacity: 1,
      },
    })
    expect(session.statusCode, session.body).toBe(201)
    const sessionId = (session.json() as { id: string }).id

    const seated = 'secretaire@mairie-a.example'
    const waiting = 'adjoint@mairie-b.example'
    const a = await signUpByMagicLink(p, seated, 'Secrétaire de mairie')
    const b = await signUpByMagicLink(p, waiting, 'Adjoint au maire')
    for (const who of [a, b]) {
      const r = await p.inject({
        method: 'POST',
        url: '/v1/registrations',
        headers: bearer(who),
        payload: { sessionId },
      })
      expect(r.statusCode, r.body).toBe(201)
    }
    const confirmed = await p.mail.waitFor(seated, (m) => m.subject.startsWith('Inscription confirmée'))
    const onList = await p.mail.waitFor(waiting, (m) => m.subject.startsWith('Liste d’attente'))
    const first = invitation(confirmed!)!
    expect(first.method).toBe('REQUEST')
    expect(first.location).toBe(VISIO)
    expect(confirmed!.text).toContain(VISIO)
    expect(invitation(onList!), 'no invitation is promised to the waiting list').toBeNull()

    // The organiser moves the session to a summer afternoon.
    const moved = await p.inject({
      method: 'PATCH',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
      payload: { startsAt: '2027-04-08T14:00', endsAt: '2027-04-08T16:30' },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const rescheduled = await p.mail.waitFor(seated, (m) => m.subject.startsWith('Nouvel horaire'))
    const rescheduledWaiting = await p.mail.waitFor(waiting, (m) => m.subject.startsWith('Nouvel horaire'))
    const update = invitation(rescheduled!)!
    expect(update.method).toBe('REQUEST')
    expect(update.status).toBe('CONFIRMED')
    expect(update.uid).toBe(first.uid)
    expect(update.sequence).toBeGreaterThan(first.sequence)
    expect(update.zone).toBe('Europe/Paris')
    // 14:00 and 16:30 in Paris summer time (UTC+2).
    expect(update.start).toBe('2027-04-08T12:00:00.000Z')
    expect(update.end).toBe('2027-04-08T14:30:00.000Z')
    expect(update.text).toContain('DTSTART;TZID=Europe/Paris:20270408T140000')
    expect(rescheduled!.text).toContain('14:00')
    expect(invitation(rescheduledWaiting!)).toBeNull()

    // A session with people cannot vanish: the organiser is told to cancel it first.
    const refused = await p.inject({
      method: 'DELETE',
      url: `/v1/training-sessions/${sessionId}`,
      headers: editor,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json()).toMatchObject({ code: 'OSI_RESOURCES_SESSION_HAS_REGISTRANTS' })
    expect((refused.json() as { detail: string }).detail).toContain('annulez-la d’abord')

    const cancelled = await p.inject({
      method: 'POST',
      url: `/v1/training-sessions/${sessionId}/cancel`,
      headers: editor,
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json()).toMatchObject({ cancelled: true, registeredCount: 0, waitingCount: 0 })
    const cancellation = await p.mail.waitFor(seated, (m) => m.subject.startsWith('Session annulée'))
    await p.mail.waitFor(waiting, (m) => m.subject.startsWith('Session annulée'))
    const cancel = invitation(cancellation!)!
    expect(cancel.method).toBe('CANCEL')
    expect(cancel.status).toBe('CANCELLED')
    expect(cancel.uid).toBe(first.uid)
    expect(cancel.sequence).toBeGreaterThan(update.sequence)

    // The registrations stay, cancelled with their session (history).
    const history = await p.inject({
      method: 'GET',
      url: '/v1/registrations?includeCancelled=true',
      headers: bearer(a),
    })
    expect(history.statusCode, history.body).toBe(200)
    const mine = (
      history.json() as { items: Array<{ status: string; cancelledWithSession: boolean; sessionId: string }> }
    ).items
    expect(mine.filter((r) => r.sessionId === sessionId)).toMatchObject([
      { status: 'cancelled', cancelledWithSession: true },
    ])
    const late = await p.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: bearer(b),
      payload: { sessionId },
    })
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({ code: 'OSI_RESOURCES_SESSION_CANCELLED' })

    // Let any duplicate arrive before counting.
    await waitFor(() => p.mail.to(waiting).length >= 3, 30_000)
    await new Promise((r) => setTimeout(r, 1_000))
    for (const m of p.mail.to(waiting)) {
      expect(m.text).not.toContain(VISIO)
      expect(m.html).not.toContain(VISIO)
    }
    expect(p.mail.to(seated).filter((m) => m.subject.includes('Ouvrir les données'))).toHaveLength(3)
    expect(p.mail.to(waiting).filter((m) => m.subject.includes('Ouvrir les données'))).toHaveLength(3)
    expectEachMailOnce(p, [seated, waiting])
  })
})
