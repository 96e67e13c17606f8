import {
  foldLine,
  ICS_TIMEZONE,
  icsText,
  parisLocal,
  renderLines,
  utcStamp,
  VTIMEZONE_PARIS,
} from '@osinum/ical'
import { stripControl } from './templates.js'

/**
 * The service's one iCalendar (RFC 5545) generator: a training session as a VEVENT in
 * Europe/Paris local time (with its VTIMEZONE), a stable UID per registration and a SEQUENCE, so
 * that a later cancellation replaces the earlier invitation in the person's calendar.
 */

export { foldLine, ICS_TIMEZONE, icsText, parisLocal }

export interface IcsEvent {
  /** Stable across updates of the same registration (e.g. `<registrationId>@osinum`). */
  uid: string
  /** Increases with each update of the registration (promotion, change of the session, cancellation). */
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  title: string
  description?: string
  /** Address of the place, or the visio link (only for people holding a seat). */
  location?: string | null
  url?: string | null
  /** ISO 8601 instants. */
  startsAt: string
  endsAt: string
  organizer?: { name: string; email: string }
  attendee?: { name?: string | null; email: string }
  now?: Date
}

/** A parameter value (CN=…): quoted, without the characters a quoted value cannot hold. */
function icsParam(value: string): string {
  return `"${stripControl(value).replace(/"/g, '')}"`
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
    ...(event.location ? [`LOCATION;LANGUAGE=fr:${icsText(event.location)}`] : []),
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
  return renderLines(lines)
}
