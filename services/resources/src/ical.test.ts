import { randomUUID } from 'node:crypto'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeText, foldLine } from './domain/ical.js'
import { parisLocalToInstant, toParisIso } from './domain/paris-time.js'
import { startTestService, type TestService } from './testing.js'

/** Parses an iCalendar text with ical.js, registering its time zones as a calendar app would. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  return { calendar, events }
}

describe('Europe/Paris wall-clock times', () => {
  it('converts winter and summer times with their offset', () => {
    expect(parisLocalToInstant('2027-01-21T14:00')?.toISOString()).toBe('2027-01-21T13:00:00.000Z')
    expect(parisLocalToInstant('2027-05-20T14:00:00')?.toISOString()).toBe('2027-05-20T12:00:00.000Z')
    expect(toParisIso(new Date('2027-05-20T12:00:00Z'))).toBe('2027-05-20T14:00:00+02:00')
  })
  it('refuses the hour skipped in March and picks the first of the hour repeated in October', () => {
    expect(parisLocalToInstant('2027-03-28T02:30')).toBeNull()
    expect(parisLocalToInstant('2027-10-31T02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z')
    expect(parisLocalToInstant('2027-02-30T10:00')).toBeNull()
  })
})

describe('iCalendar text', () => {
  it('escapes TEXT values and folds long lines at 75 octets without breaking characters', () => {
    expect(escapeText('Café; thé, et\\ lait\nfin')).toBe('Café\\; thé\\, et\\\\ lait\\nfin')
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`)
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}`)
  })
})

describe('training calendars (.ics)', () => {
  let t: TestService
  let winter: string
  let summer: string
  const title = 'RGPD : l’essentiel, pour les maires; et les agents'

  beforeAll(async () => {
    t = await startTestService()
    const editor = await t.auth('nationalEditor')
    const created = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editor,
      payload: {
        slug: 'rgpd-essentiel',
        title,
        summary: 'Les obligations, le registre, les droits des habitants.',
        description: 'Programme',
        themes: ['gdpr'],
        audience: ['elected'],
        level: 'beginner',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const session = async (startsAt: string, endsAt: string, capacity = 10) => {
      const res = await t.host.app.inject({
        method: 'POST',
        url: '/v1/trainings/rgpd-essentiel/sessions',
        headers: editor,
        payload: { startsAt, endsAt, mode: 'online', onlineUrl: 'https://visio.example.org/rgpd', capacity },
      })
      expect(res.statusCode, res.body).toBe(201)
      return (res.json() as { id: string }).id
    }
    winter = await session('2027-01-21T14:00', '2027-01-21T16:00')
    summer = await session('2027-05-20T14:00', '2027-05-20T16:30', 1)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('a session file parses and carries the Europe/Paris time zone and the planned times', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${winter}.ics` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(res.body).toContain('\r\n')
    const { calendar, events } = parseCalendar(res.body)
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
    expect(events).toHaveLength(1)
    const event = events[0]!
    expect(event.summary).toBe(title)
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(event.startDate.toString()).toBe('2027-01-21T14:00:00')
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-21T13:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-21T15:00:00.000Z')
    expect(event.uid).toBe(`training-session-${winter}@osinum`)
    // The visio link is for registered people only.
    expect(res.body).not.toContain('visio.example.org/rgpd')
  })

  it('applies summer time from the VTIMEZONE rules', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${summer}.ics` })
    const event = parseCalendar(res.body).events[0]!
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(event.startDate.utcOffset()).toBe(7200)
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-05-20T12:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-05-20T14:30:00.000Z')
  })

  it("a person's calendar lists their registrations, waiting ones as tentative", async () => {
    const me = randomUUID()
    const other = randomUUID()
    const headers = await t.authAs(me)
    await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.authAs(other),
      payload: { sessionId: summer },
    })
    for (const sessionId of [winter, summer]) {
      const r = await t.host.app.inject({
        method: 'POST',
        url: '/v1/registrations',
        headers,
        payload: { sessionId },
      })
      expect(r.statusCode).toBe(201)
    }
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/registrations/me.ics', headers })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const { events } = parseCalendar(res.body)
    expect(events).toHaveLength(2)
    const [first, second] = events
    expect(first!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(first!.startDate.toJSDate().toISOString()).toBe('2027-01-21T13:00:00.000Z')
    expect(first!.location).toBe('https://visio.example.org/rgpd')
    expect(second!.component.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(second!.summary).toBe(`[Liste d'attente] ${title}`)
    expect(second!.startDate.zone?.tzid).toBe('Europe/Paris')

    const anonymous = await t.host.app.inject({ method: 'GET', url: '/v1/registrations/me.ics' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.headers['content-type']).toContain('application/problem+json')
  })

  it('answers 404 for an unknown session', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: `/v1/training-sessions/${randomUUID()}.ics` })
    expect(res.statusCode).toBe(404)
  })
})
