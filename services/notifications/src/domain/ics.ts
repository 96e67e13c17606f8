import { stripControl } from './templates.js'

/**
 * The service's one iCalendar (RFC 5545) generator: a training session as a VEVENT in
 * Europe/Paris local time (with its VTIMEZONE), a stable UID per registration and a SEQUENCE, so
 * that a later cancellation replaces the earlier invitation in the person's calendar.
 */

export const ICS_TIMEZONE = 'Europe/Paris'

const VTIMEZONE_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

export interface IcsEvent {
  /** Stable across updates of the same registration (e.g. `<registrationId>@osinum`). */
  uid: string
  /** Increases with each update: 0 created, 1 promoted, 2 cancelled. */
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  title: string
  description?: string
  url?: string | null
  /** ISO 8601 instants. */
  startsAt: string
  endsAt: string
  organizer?: { name: string; email: string }
  attendee?: { name?: string | null; email: string }
  now?: Date
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ICS_TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** `YYYYMMDDTHHMMSS` of an instant in Europe/Paris local time. */
export function parisLocal(instant: Date): string {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** A parameter value (CN=…): quoted, without the characters a quoted value cannot hold. */
function icsParam(value: string): string {
  return `"${stripControl(value).replace(/"/g, '')}"`
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch)
    const limit = out.length === 0 ? 75 : 74
    if (bytes + size > limit) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += size
  }
  out.push(current)
  return out.join('\r\n ')
}

/** A mailto: address: no whitespace or control characters can break the line. */
function mailto(email: string): string {
  return `mailto:${stripControl(email).replace(/[\s"]/g, '')}`
}

export class InvalidIcsDateError extends Error {}

export function buildIcs(event: IcsEvent): string {
  const start = new Date(event.startsAt)
  const end = new Date(event.endsAt)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    throw new InvalidIcsDateError(`invalid session dates ${event.startsAt} – ${event.endsAt}`)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//osinum//notifications//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    ...VTIMEZONE_PARIS,
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.now ?? new Date())}`,
    `DTSTART;TZID=${ICS_TIMEZONE}:${parisLocal(start)}`,
    `DTEND;TZID=${ICS_TIMEZONE}:${parisLocal(end)}`,
    `SUMMARY;LANGUAGE=fr:${icsText(event.title)}`,
    ...(event.description ? [`DESCRIPTION;LANGUAGE=fr:${icsText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url.replace(/\s/g, '')}`] : []),
    `STATUS:${event.status}`,
    'TRANSP:OPAQUE',
    ...(event.organizer
      ? [`ORGANIZER;CN=${icsParam(event.organizer.name)}:${mailto(event.organizer.email)}`]
      : []),
    ...(event.attendee
      ? [
          `ATTENDEE;${event.attendee.name ? `CN=${icsParam(event.attendee.name)};` : ''}ROLE=REQ-PARTICIPANT;PARTSTAT=${
            event.status === 'CANCELLED' ? 'DECLINED' : 'ACCEPTED'
          };RSVP=FALSE:${mailto(event.attendee.email)}`,
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
