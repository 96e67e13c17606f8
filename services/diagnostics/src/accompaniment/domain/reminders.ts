import { DiagnosticsEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { addDays, dayOf } from './dates.js'
import type { Db } from './db.js'
import { OPEN_ITEM_STATUSES, type ReminderKind } from './vocabulary.js'

export interface ReminderOptions {
  /** Days without activity after which an open support request is reminded (default 7). */
  staleDays?: number
  /** Candidates handled per query (default 200); the job loops until none is left. */
  batchSize?: number
}

export interface ReminderRun {
  overdueItems: number
  staleRequests: number
}

interface Candidate {
  kind: ReminderKind
  subjectId: string
  organisationId: string
  title: string
  day: string
  recipientIds: string[]
}

/**
 * One reminder per (kind, subject, day), recorded with its ReminderDue event in one transaction.
 * `day` is the due date of an overdue item, or the day a request became stale: a reminder is sent
 * once per due date / per silence, however often the job runs. Returns whether it was new.
 */
async function remind(db: Db, c: Candidate): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('reminders')
      .values({
        id: crypto.randomUUID(),
        kind: c.kind,
        subject_id: c.subjectId,
        day: c.day,
        organisation_id: c.organisationId,
        recipient_ids: JSON.stringify(c.recipientIds),
      })
      .onConflict((oc) => oc.columns(['kind', 'subject_id', 'day']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return false
    await recordEvent(trx, DiagnosticsEvents.ReminderDue, c.subjectId, {
      kind: c.kind,
      subjectId: c.subjectId,
      organisationId: c.organisationId,
      title: c.title,
      recipientIds: c.recipientIds,
      dueOn: c.day,
    })
    return true
  })
}

/** Members of the collectivité and, while it consents, its assigned advisors. */
async function planRecipients(db: Db, organisationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>()
  if (!organisationIds.length) return new Map()
  const add = (org: string, user: string) => out.set(org, (out.get(org) ?? new Set()).add(user))
  const members = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'user_id'])
    .where('organisation_id', 'in', organisationIds)
    .where('active', '=', true)
    .execute()
  for (const m of members) add(m.organisation_id, m.user_id)
  const advisors = await db
    .selectFrom('advisor_assignments as a')
    .innerJoin('consents as c', 'c.organisation_id', 'a.organisation_id')
    .select(['a.organisation_id', 'a.advisor_id'])
    .where('a.organisation_id', 'in', organisationIds)
    .where('a.active', '=', true)
    .where('c.granted', '=', true)
    .execute()
  for (const a of advisors) add(a.organisation_id, a.advisor_id)
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]))
}

async function overdueItems(db: Db, today: string, batchSize: number): Promise<number> {
  let sent = 0
  let after = ''
  for (;;) {
    const rows = await db
      .selectFrom('action_items as i')
      .select(['i.id', 'i.organisation_id', 'i.title', 'i.due_date'])
      .where('i.status', 'in', OPEN_ITEM_STATUSES)
      .where('i.due_date', '<', today)
      .where('i.id', '>', after || '00000000-0000-0000-0000-000000000000')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('reminders as r')
              .select('r.id')
              .whereRef('r.subject_id', '=', 'i.id')
              .where('r.kind', '=', 'overdue-action-item')
              .whereRef('r.day', '=', 'i.due_date'),
          ),
        ),
      )
      .orderBy('i.id')
      .limit(batchSize)
      .execute()
    if (!rows.length) return sent
    after = rows[rows.length - 1]!.id
    const recipients = await planRecipients(db, [...new Set(rows.map((r) => r.organisation_id))])
    for (const r of rows) {
      const to = recipients.get(r.organisation_id) ?? []
      if (!to.length) continue
      if (
        await remind(db, {
          kind: 'overdue-action-item',
          subjectId: r.id,
          organisationId: r.organisation_id,
          title: r.title,
          day: r.due_date!,
          recipientIds: to,
        })
      )
        sent++
    }
    if (rows.length < batchSize) return sent
  }
}

async function staleRequests(db: Db, now: Date, staleDays: number, batchSize: number): Promise<number> {
  let sent = 0
  let after = ''
  const threshold = new Date(now.getTime() - staleDays * 86_400_000)
  for (;;) {
    const rows = await db
      .selectFrom('support_requests as q')
      .select([
        'q.id',
        'q.organisation_id',
        'q.topic',
        'q.last_activity_at',
        'q.last_activity_by_advisor',
        'q.assignee_id',
        'q.created_by',
      ])
      .where('q.status', '<>', 'closed')
      .where('q.last_activity_at', '<', threshold)
      .where('q.id', '>', after || '00000000-0000-0000-0000-000000000000')
      .orderBy('q.id')
      .limit(batchSize)
      .execute()
    if (!rows.length) return sent
    after = rows[rows.length - 1]!.id
    const ids = rows.map((r) => r.id)
    const routed = await db
      .selectFrom('support_request_advisors')
      .select(['request_id', 'advisor_id'])
      .where('request_id', 'in', ids)
      .execute()
    const done = new Set(
      (
        await db
          .selectFrom('reminders')
          .select(['subject_id', 'day'])
          .where('kind', '=', 'stale-support-request')
          .where('subject_id', 'in', ids)
          .execute()
      ).map((x) => `${x.subject_id}/${x.day}`),
    )
    for (const r of rows) {
      const day = addDays(dayOf(new Date(r.last_activity_at)), staleDays)
      if (done.has(`${r.id}/${day}`)) continue
      // The side expected to answer is reminded: the collectivité after an advisor's message, else the advisors.
      const to = r.last_activity_by_advisor
        ? r.created_by
          ? [r.created_by]
          : []
        : r.assignee_id
          ? [r.assignee_id]
          : routed.filter((a) => a.request_id === r.id).map((a) => a.advisor_id)
      if (!to.length) continue
      if (
        await remind(db, {
          kind: 'stale-support-request',
          subjectId: r.id,
          organisationId: r.organisation_id,
          title: r.topic,
          day,
          recipientIds: [...new Set(to)].sort(),
        })
      )
        sent++
    }
    if (rows.length < batchSize) return sent
  }
}

/**
 * The reminder job: emits ReminderDue for overdue action items and for support requests without
 * activity for `staleDays`. Idempotent: running it twice (or on two replicas at once) sends
 * nothing twice, thanks to the unique (kind, subject, day) of the reminders table.
 */
export async function runReminders(
  db: Db,
  now = new Date(),
  options: ReminderOptions = {},
): Promise<ReminderRun> {
  const staleDays = options.staleDays ?? 7
  const batchSize = options.batchSize ?? 200
  const today = dayOf(now)
  const overdue = await overdueItems(db, today, batchSize)
  const stale = await staleRequests(db, now, staleDays, batchSize)
  return { overdueItems: overdue, staleRequests: stale }
}
