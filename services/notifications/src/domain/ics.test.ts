import { describe, expect, it } from 'vitest'
import { buildIcs, foldLine, InvalidIcsDateError, icsText, parisLocal } from './ics.js'

describe('iCalendar generator', () => {
  it('converts instants to Europe/Paris wall-clock time across daylight saving changes', () => {
    expect(parisLocal(new Date('2026-01-15T09:00:00Z'))).toBe('20260115T100000')
    expect(parisLocal(new Date('2026-07-15T09:00:00Z'))).toBe('20260715T110000')
    // 29 March 2026, 02:00 CET → 03:00 CEST.
    expect(parisLocal(new Date('2026-03-29T00:59:00Z'))).toBe('20260329T015900')
    expect(parisLocal(new Date('2026-03-29T01:00:00Z'))).toBe('20260329T030000')
    // 25 October 2026, 03:00 CEST → 02:00 CET.
    expect(parisLocal(new Date('2026-10-25T01:30:00Z'))).toBe('20261025T023000')
  })

  it('escapes text values and folds long lines at 75 octets without splitting a character', () => {
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
    const line = `SUMMARY:${'é'.repeat(100)}`
    const folded = foldLine(line)
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('builds a REQUEST with a stable UID, and a CANCEL with a higher SEQUENCE', () => {
    const base = {
      uid: 'reg-1@osinum',
      title: 'Atelier RGPD, niveau 1; découverte',
      startsAt: '2026-02-10T13:00:00Z',
      endsAt: '2026-02-10T15:00:00Z',
      attendee: { name: 'Zoé', email: 'zoe@example.fr' },
      organizer: { name: 'osinum', email: 'ne-pas-repondre@osinum.example.fr' },
      now: new Date('2026-01-01T00:00:00Z'),
    }
    const request = buildIcs({ ...base, sequence: 0, method: 'REQUEST', status: 'CONFIRMED' })
    expect(request.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(request.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(request).toContain('DTSTART;TZID=Europe/Paris:20260210T140000')
    expect(request).toContain('DTEND;TZID=Europe/Paris:20260210T160000')
    expect(request).toContain('DTSTAMP:20260101T000000Z')
    expect(request).toContain('SUMMARY;LANGUAGE=fr:Atelier RGPD\\, niveau 1\\; découverte')
    expect(request.replace(/\r\n /g, '')).toContain(
      'ATTENDEE;CN="Zoé";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:zoe@example.fr',
    )
    const cancel = buildIcs({ ...base, sequence: 2, method: 'CANCEL', status: 'CANCELLED' })
    expect(cancel).toMatch(/METHOD:CANCEL[\s\S]*UID:reg-1@osinum[\s\S]*SEQUENCE:2[\s\S]*STATUS:CANCELLED/)
    expect(() =>
      buildIcs({ ...base, startsAt: 'demain', sequence: 0, method: 'REQUEST', status: 'CONFIRMED' }),
    ).toThrow(InvalidIcsDateError)
  })
})
