import { Forbidden, type Principal } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Static } from 'typebox'
import type { AdvisorDashboard, DashboardQuery } from '../schemas.js'
import { dayOf, iso } from './dates.js'
import type { Db } from './db.js'
import { progressFrom } from './plan.js'
import { requestSummaries } from './support.js'
import { OPEN_ITEM_STATUSES } from './vocabulary.js'

type Row = Static<typeof AdvisorDashboard>['items'][number]

const latest = (...dates: Array<Date | string | null | undefined>) => {
  const times = dates.filter(Boolean).map((d) => new Date(d as Date | string).getTime())
  return times.length ? new Date(Math.max(...times)).toISOString() : null
}

/**
 * An advisor's collectivités (active assignments): latest level, open and overdue plan items,
 * last contact and pending requests. Diagnostic and plan figures need the collectivité's consent;
 * without it they are null. Read by the advisor, the administrators of their operator and the
 * platform admin.
 */
export async function advisorDashboard(
  db: Db,
  principal: Principal,
  query: Static<typeof DashboardQuery>,
  now = new Date(),
): Promise<Static<typeof AdvisorDashboard>> {
  const advisorId = query.advisorId ?? principal.userId
  if (advisorId !== principal.userId) {
    // Another advisor's dashboard: the platform admin's, or their own operator's administrators'.
    const advisor = await db
      .selectFrom('users')
      .select('operator_id')
      .where('id', '=', advisorId)
      .executeTakeFirst()
    if (!principal.administers(advisor?.operator_id ?? null)) throw new Forbidden()
  }
  const limit = query.limit ?? 20
  const offset = query.offset ?? 0
  const today = dayOf(now)

  const base = db
    .selectFrom('advisor_assignments as a')
    .where('a.advisor_id', '=', advisorId)
    .where('a.active', '=', true)
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const orgs = await base
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('consents as c', 'c.organisation_id', 'a.organisation_id')
    .leftJoin('latest_results as lr', 'lr.organisation_id', 'a.organisation_id')
    .select([
      'a.organisation_id',
      'o.name',
      'o.departement',
      'o.population_bracket',
      'c.granted',
      'lr.level',
      'lr.submitted_at',
    ])
    .orderBy(sql`o.name nulls last`)
    .orderBy('a.organisation_id')
    .limit(limit)
    .offset(offset)
    .execute()
  const ids = orgs.map((o) => o.organisation_id)

  const itemCounts = ids.length
    ? await db
        .selectFrom('action_items')
        .select([
          'organisation_id',
          'status',
          (eb) => eb.fn.countAll<number>().as('n'),
          sql<number>`count(*) filter (where due_date < ${today} and status in ('proposed', 'in-progress', 'blocked'))`.as(
            'overdue',
          ),
        ])
        .where('organisation_id', 'in', ids)
        .groupBy(['organisation_id', 'status'])
        .execute()
    : []
  const requests = ids.length
    ? await db
        .selectFrom('support_requests')
        .select([
          'organisation_id',
          (eb) => eb.fn.max('last_activity_at').as('last'),
          sql<number>`count(*) filter (where status <> 'closed')`.as('open'),
        ])
        .where('organisation_id', 'in', ids)
        .groupBy('organisation_id')
        .execute()
    : []
  const comments = ids.length
    ? await db
        .selectFrom('action_item_comments')
        .select(['organisation_id', (eb) => eb.fn.max('created_at').as('last')])
        .where('organisation_id', 'in', ids)
        .groupBy('organisation_id')
        .execute()
    : []
  const requestsBy = new Map(requests.map((r) => [r.organisation_id, r]))
  const commentsBy = new Map(comments.map((r) => [r.organisation_id, r.last]))

  const items: Row[] = orgs.map((o) => {
    const consent = o.granted === true
    const counts = new Map<string, number>()
    let overdue = 0
    for (const c of itemCounts)
      if (c.organisation_id === o.organisation_id) {
        counts.set(c.status, Number(c.n))
        overdue += Number(c.overdue)
      }
    const open = OPEN_ITEM_STATUSES.reduce((s, st) => s + (counts.get(st) ?? 0), 0)
    const req = requestsBy.get(o.organisation_id)
    return {
      organisationId: o.organisation_id,
      name: o.name ?? null,
      departement: o.departement ?? null,
      populationBracket: o.population_bracket ?? null,
      consent,
      latestLevel: consent ? (o.level ?? null) : null,
      latestSubmittedAt: consent ? iso(o.submitted_at) : null,
      openItems: consent ? open : null,
      overdueItems: consent ? overdue : null,
      progressPercent: consent ? progressFrom(counts).percent : null,
      // Plan comments are plan data: they count as contact only with consent.
      lastContactAt: latest(
        req?.last as Date | undefined,
        consent ? (commentsBy.get(o.organisation_id) as Date) : null,
      ),
      pendingRequests: Number(req?.open ?? 0),
    }
  })

  // Requests waiting for this advisor (routed or assigned to them, not yet in progress), oldest first.
  const pendingBase = db
    .selectFrom('support_requests as r')
    .where('r.status', 'in', ['new', 'assigned'])
    .where((eb) =>
      eb.or([
        eb('r.assignee_id', '=', advisorId),
        eb.and([
          eb('r.assignee_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('support_request_advisors as sa')
              .select('sa.advisor_id')
              .whereRef('sa.request_id', '=', 'r.id')
              .where('sa.advisor_id', '=', advisorId),
          ),
        ]),
      ]),
    )
  const { pending } = await pendingBase
    .select((eb) => eb.fn.countAll<number>().as('pending'))
    .executeTakeFirstOrThrow()
  const pendingIds = await pendingBase
    .select('r.id')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(20)
    .execute()
  const pendingItems = await requestSummaries(
    db,
    pendingIds.map((p) => p.id),
  )
  return {
    advisorId,
    items,
    total: Number(n),
    limit,
    offset,
    pendingRequests: { total: Number(pending), items: pendingItems },
  }
}
