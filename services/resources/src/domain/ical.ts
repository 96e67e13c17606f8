import { foldLine, icsText, parisLocal, renderLines, utcStamp, VTIMEZONE_PARIS } from '@osinum/ical'

/**
 * iCalendar (RFC 5545) documents of training sessions, with the Europe/Paris VTIMEZONE so that
 * calendar applications show the planned wall-clock time whatever the reader's zone.
 */
export interface CalendarEvent {
  uid: string
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  location: string | null
  url: string | null
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  updatedAt: Date
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export const escapeText = icsText
export { foldLine }

export function renderCalendar(name: string, events: CalendarEvent[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//osinum//resources//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Europe/Paris',
    ...VTIMEZONE_PARIS,
  ]
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      `DTSTART;TZID=Europe/Paris:${parisLocal(e.startsAt)}`,
      `DTEND;TZID=Europe/Paris:${parisLocal(e.endsAt)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `STATUS:${e.status}`,
    )
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
    if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return renderLines(lines)
}
