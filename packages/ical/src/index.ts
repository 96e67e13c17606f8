/**
 * iCalendar (RFC 5545) building blocks shared by the services that publish calendars (resources:
 * session and personal calendars; notifications: invitations attached to emails).
 */

export const ICS_TIMEZONE = 'Europe/Paris'

// Rules of Europe/Paris since 1996 (EU summer time): last Sunday of March 02:00 → 03:00,
// last Sunday of October 03:00 → 02:00.
export const VTIMEZONE_PARIS: readonly string[] = [
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

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
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

/** The lines of a document, folded and CRLF-terminated. */
export function renderLines(lines: readonly string[]): string {
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

/** `YYYYMMDDTHHMMSSZ` of an instant (DTSTAMP, LAST-MODIFIED). */
export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
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

/** `YYYYMMDDTHHMMSS` of an instant in Europe/Paris local time (for `;TZID=Europe/Paris:`). */
export function parisLocal(instant: Date): string {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`
}
