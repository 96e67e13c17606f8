/**
 * Training sessions are planned in Europe/Paris wall-clock time and stored as instants
 * (timestamptz). These helpers convert between the two with the platform's time-zone data.
 */
export const PARIS = 'Europe/Paris'

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {}
  for (const p of formatter.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  }
}

/** Offset of Paris from UTC at this instant, in minutes (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const w = wallClock(instant)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `2027-01-21T14:00:00` (Paris wall clock) of an instant. */
export function toParisLocal(instant: Date): string {
  const w = wallClock(instant)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
}

/** RFC 3339 with the Paris offset of that instant: `2027-01-21T14:00:00+01:00`. */
export function toParisIso(instant: Date): string {
  const offset = parisOffsetMinutes(instant)
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${toParisLocal(instant)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant of a Paris wall-clock time (`2027-01-21T14:00` or with seconds). Returns null for a
 * time that does not exist (the hour skipped when clocks go forward) or is malformed. In the
 * repeated hour of October, the first (summer-time) occurrence is chosen.
 */
export function parisLocalToInstant(local: string): Date | null {
  const m = LOCAL.exec(local)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[]
  const naive = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!)
  if (Number.isNaN(naive)) return null
  const candidates = new Set<number>()
  for (const probe of [naive - 3 * 3_600_000, naive, naive + 3 * 3_600_000])
    candidates.add(naive - parisOffsetMinutes(new Date(probe)) * 60_000)
  const expected = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`
  const matches = [...candidates].filter((c) => toParisLocal(new Date(c)) === expected).sort((a, b) => a - b)
  return matches.length ? new Date(matches[0]!) : null
}

/** A session time given by a client: Paris wall clock (no offset) or an explicit RFC 3339 instant. */
export function parseSessionTime(value: string): Date | null {
  if (LOCAL.test(value)) return parisLocalToInstant(value)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : new Date(t)
}
