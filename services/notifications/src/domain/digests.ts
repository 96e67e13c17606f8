import type { EventEnvelope } from '@osinum/contracts'
import { sql } from 'kysely'
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid'
import { CATEGORIES, DEFAULT_DIGEST_FREQUENCY, type DigestFrequency } from './categories.js'
import type { Db, Trx } from './db.js'
import { type DigestEntry, digest, newContent } from './messages.js'
import { type NotifyRuntime, notify } from './notify.js'

/** Namespace of the deterministic ids of digests: one digest per person and period, whatever reruns. */
const DIGEST_NAMESPACE = '6f1c0a52-9a57-4b8e-9a3e-0d4c1b7e2f10'

export const DIGEST_REASON =
  'Vous recevez ce message car vous suivez ces thèmes sur osinum (les thèmes choisis dans vos préférences, ou à défaut les points faibles du dernier diagnostic de votre collectivité).'

interface Candidate {
  userId: string
  email: string
  name: string | null
  operators: Set<string>
  themes: Set<string>
  frequency: DigestFrequency
  email_on: boolean
  inApp_on: boolean
}

/** Everyone who could receive news, with their themes, operators and digest choices (4 queries). */
async function candidates(trx: Trx): Promise<Candidate[]> {
  const [users, settings, prefs, orgs] = await Promise.all([
    trx.selectFrom('users').select(['user_id', 'email', 'display_name', 'operator_id']).execute(),
    trx.selectFrom('digest_settings').select(['user_id', 'frequency', 'themes']).execute(),
    trx
      .selectFrom('preferences')
      .select(['user_id', 'email', 'in_app'])
      .where('category', '=', 'digest')
      .execute(),
    trx
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.organisation_id', 'm.organisation_id')
      .select(['m.user_id', 'o.operator_id', 'o.weak_themes'])
      .execute(),
  ])
  const settingsOf = new Map(settings.map((s) => [s.user_id, s]))
  const prefOf = new Map(prefs.map((p) => [p.user_id, p]))
  const orgsOf = new Map<string, typeof orgs>()
  for (const o of orgs) orgsOf.set(o.user_id, [...(orgsOf.get(o.user_id) ?? []), o])
  const d = CATEGORIES.digest
  return users.map((u) => {
    const s = settingsOf.get(u.user_id)
    const p = prefOf.get(u.user_id)
    const memberships = orgsOf.get(u.user_id) ?? []
    const operators = new Set<string>(memberships.flatMap((m) => (m.operator_id ? [m.operator_id] : [])))
    if (u.operator_id) operators.add(u.operator_id)
    const themes = new Set<string>(s?.themes ?? memberships.flatMap((m) => m.weak_themes))
    return {
      userId: u.user_id,
      email: u.email,
      name: u.display_name,
      operators,
      themes,
      frequency: (s?.frequency as DigestFrequency | undefined) ?? DEFAULT_DIGEST_FREQUENCY,
      email_on: p?.email ?? d.email,
      inApp_on: p?.in_app ?? d.inApp,
    }
  })
}

/**
 * A resource or tool was published: each person following one of its themes (and, for an
 * operator's own resource, related to that operator) gets it now (frequency "immediately"), or
 * in their next daily/weekly digest; in-app when they chose it.
 */
export async function onNewContent(
  trx: Trx,
  rt: NotifyRuntime,
  event: EventEnvelope<unknown>,
  entry: DigestEntry & { themes: string[]; operatorId: string | null },
): Promise<{ immediate: number; queued: number }> {
  let immediate = 0
  let queued = 0
  for (const c of await candidates(trx)) {
    if (!c.email_on && !c.inApp_on) continue
    if (!entry.themes.some((t) => c.themes.has(t))) continue
    if (entry.operatorId && !c.operators.has(entry.operatorId)) continue
    const now = c.frequency === 'immediately' && c.email_on
    if (now || c.inApp_on) {
      const id = await notify(trx, rt, {
        causeEventId: event.id,
        category: 'digest',
        kind: entry.kind === 'resource' ? 'resource-published' : 'tool-published',
        recipient: { userId: c.userId, email: c.email, name: c.name },
        content: newContent(entry),
        channels: { email: now, inApp: c.inApp_on },
        reason: DIGEST_REASON,
      })
      if (id && now) immediate++
    }
    if (!now && c.email_on) {
      await trx
        .insertInto('digest_items')
        .values({
          id: uuidv7(),
          user_id: c.userId,
          cause_event_id: event.id,
          kind: entry.kind,
          title: entry.title,
          summary: entry.summary,
          link: entry.link,
        })
        .onConflict((oc) => oc.columns(['user_id', 'cause_event_id']).doNothing())
        .execute()
      queued++
    }
  }
  return { immediate, queued }
}

// --- the digest job ---

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
})

function paris(instant: Date) {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]))
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(String(p.weekday)),
  }
}

/** The instant of a Europe/Paris wall-clock time (DST-aware). */
export function parisInstant(year: number, month: number, day: number, hour: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour)
  let guess = wall
  for (let i = 0; i < 2; i++) {
    const p = paris(new Date(guess))
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
    guess = wall - (asUtc - guess)
  }
  return new Date(guess)
}

/**
 * The latest digest boundary at or before `now`: today (daily) or this week's Monday (weekly)
 * at `hour` Paris time. Items created before it go into the digest identified by its date.
 */
export function digestBoundary(
  frequency: 'daily' | 'weekly',
  now: Date,
  hour: number,
): { at: Date; key: string } {
  const p = paris(now)
  let { year, month, day } = p
  let back = frequency === 'weekly' ? p.weekday : 0
  const todayBoundary = parisInstant(year, month, day, hour)
  if (now < todayBoundary && frequency === 'daily') back = 1
  if (frequency === 'weekly' && p.weekday === 0 && now < todayBoundary) back = 7
  if (back) {
    const d = new Date(Date.UTC(year, month - 1, day - back))
    year = d.getUTCFullYear()
    month = d.getUTCMonth() + 1
    day = d.getUTCDate()
  }
  const key = `${frequency}:${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { at: parisInstant(year, month, day, hour), key }
}

/**
 * Sends the daily and weekly digests that are due: for each person with queued items older than
 * their period's boundary, one digest email (its id derived from person and period, so a rerun or
 * a second replica never sends it twice). Returns how many digests were queued for sending.
 */
export async function runDigests(db: Db, rt: NotifyRuntime, now: Date, hour: number): Promise<number> {
  const users = await db
    .selectFrom('digest_items')
    .select('user_id')
    .distinct()
    .where('digest_id', 'is', null)
    .execute()
  let sent = 0
  for (const { user_id } of users) {
    const done = await db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select(['user_id', 'email', 'display_name'])
        .where('user_id', '=', user_id)
        .executeTakeFirst()
      if (!user) return false
      const settings = await trx
        .selectFrom('digest_settings')
        .select('frequency')
        .where('user_id', '=', user_id)
        .executeTakeFirst()
      const chosen = (settings?.frequency as DigestFrequency | undefined) ?? DEFAULT_DIGEST_FREQUENCY
      // Items left over from before a switch to "immediately" go out with the daily rhythm.
      const frequency = chosen === 'weekly' ? 'weekly' : 'daily'
      const boundary = digestBoundary(frequency, now, hour)
      const items = await trx
        .selectFrom('digest_items')
        .selectAll()
        .where('user_id', '=', user_id)
        .where('digest_id', 'is', null)
        .where('created_at', '<', boundary.at)
        .orderBy('created_at')
        .forUpdate()
        .skipLocked()
        .execute()
      if (items.length === 0) return false
      const pref = await trx
        .selectFrom('preferences')
        .select('email')
        .where('user_id', '=', user_id)
        .where('category', '=', 'digest')
        .executeTakeFirst()
      const ids = items.map((i) => i.id)
      if (pref && !pref.email) {
        // Switched off since: the queued items are dropped.
        await trx.deleteFrom('digest_items').where('id', 'in', ids).execute()
        return false
      }
      const digestId = uuidv5(`${user_id}:${boundary.key}`, DIGEST_NAMESPACE)
      const notificationId = await notify(trx, rt, {
        causeEventId: digestId,
        category: 'digest',
        kind: `digest-${frequency}`,
        recipient: { userId: user.user_id, email: user.email, name: user.display_name },
        content: digest({
          frequency,
          entries: items.map((i) => ({ kind: i.kind, title: i.title, summary: i.summary, link: i.link })),
        }),
        channels: { email: true, inApp: false },
        reason: DIGEST_REASON,
      })
      // Already sent for this period (rerun): the items wait for the next one.
      if (!notificationId) return false
      await trx.updateTable('digest_items').set({ digest_id: digestId }).where('id', 'in', ids).execute()
      return true
    })
    if (done) sent++
  }
  return sent
}

/** Keeps the table small: items sent in a digest more than 30 days ago are removed. */
export async function pruneDigestItems(db: Db): Promise<void> {
  await db
    .deleteFrom('digest_items')
    .where('digest_id', 'is not', null)
    .where('created_at', '<', sql<Date>`now() - interval '30 days'`)
    .execute()
}
