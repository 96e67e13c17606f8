import { DiagnosticsEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { Forbidden, NotFound, type Principal } from '@osinum/service-kit'
import type { Static } from 'typebox'
import type {
  SupportMessage,
  SupportRequestBody,
  SupportRequestDetail,
  SupportRequestQuery,
  SupportRequestSummary,
} from '../schemas.js'
import { iso } from './dates.js'
import type { Db, SupportRequestRow } from './db.js'
import { NotAnAdvisor, OrganisationUnknown, RequestClosed } from './errors.js'
import { isEligibleAdvisor, organisationInfo, routeRequest } from './routing.js'
import { MATCH_KINDS, type MatchKind, SUPPORT_STATUSES, type SupportStatus } from './vocabulary.js'

type Summary = Static<typeof SupportRequestSummary>
type Detail = Static<typeof SupportRequestDetail>

/** Which side of a request the caller is on, or null when they may not see it. */
export type RequestSide = 'member' | 'advisor'

async function sideOf(db: Db, principal: Principal, request: SupportRequestRow): Promise<RequestSide | null> {
  // A member of the collectivité is always on its side (even if they are also an advisor).
  if (principal.isMemberOf(request.organisation_id)) return 'member'
  // The platform admin, and the administrators of the operator the request was asked of.
  if (principal.administers(request.operator_id)) return 'advisor'
  if (request.assignee_id === principal.userId) return 'advisor'
  if (principal.hasRole('advisor') && principal.operatorId && principal.operatorId === request.operator_id)
    return 'advisor'
  const routed = await db
    .selectFrom('support_request_advisors')
    .select('advisor_id')
    .where('request_id', '=', request.id)
    .where('advisor_id', '=', principal.userId)
    .executeTakeFirst()
  return routed ? 'advisor' : null
}

/** Loads a request the caller may see (404 otherwise, so that ids of others leak nothing). */
async function visibleRequest(db: Db, principal: Principal, id: string, forUpdate = false) {
  let q = db.selectFrom('support_requests').selectAll().where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const request = await q.executeTakeFirst()
  if (!request) throw new NotFound('Support request')
  const side = await sideOf(db, principal, request)
  if (!side) throw new NotFound('Support request')
  return { request, side }
}

async function advisorsOf(db: Db, requestIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!requestIds.length) return out
  const rows = await db
    .selectFrom('support_request_advisors')
    .select(['request_id', 'advisor_id'])
    .where('request_id', 'in', requestIds)
    .orderBy('advisor_id')
    .execute()
  for (const r of rows) out.set(r.request_id, [...(out.get(r.request_id) ?? []), r.advisor_id])
  return out
}

function summary(
  r: SupportRequestRow & { organisation_name?: string | null },
  advisorIds: string[],
): Summary {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name ?? null,
    operatorId: r.operator_id,
    topic: r.topic,
    diagnosticId: r.diagnostic_id,
    status: r.status as SupportStatus,
    statusLabel: SUPPORT_STATUSES[r.status as SupportStatus],
    matchedVia: r.matched_via as MatchKind,
    matchedViaLabel: MATCH_KINDS[r.matched_via as MatchKind],
    advisorIds,
    assigneeId: r.assignee_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    lastActivityAt: iso(r.last_activity_at)!,
    closedAt: iso(r.closed_at),
  }
}

async function detail(db: Db, id: string): Promise<Detail> {
  const r = await db
    .selectFrom('support_requests as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
  const advisors = await advisorsOf(db, [id])
  const timeline = await db
    .selectFrom('support_request_timeline')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('seq')
    .limit(500)
    .execute()
  return {
    ...summary(r, advisors.get(id) ?? []),
    message: r.message,
    timeline: timeline.map((t) => ({
      kind: t.kind as Detail['timeline'][number]['kind'],
      actorId: t.actor_id,
      fromStatus: t.from_status as SupportStatus | null,
      toStatus: t.to_status as SupportStatus | null,
      advisorIds: t.advisor_ids ?? [],
      at: iso(t.created_at)!,
    })),
  }
}

function eventData(r: SupportRequestRow, advisorIds: string[]) {
  return {
    requestId: r.id,
    organisationId: r.organisation_id,
    operatorId: r.operator_id,
    topic: r.topic,
    advisorIds,
    status: r.status,
  }
}

async function timeline(
  db: Db,
  requestId: string,
  entry: {
    kind: string
    actorId: string | null
    from?: string | null
    to?: string | null
    advisorIds?: string[]
  },
) {
  await db
    .insertInto('support_request_timeline')
    .values({
      request_id: requestId,
      kind: entry.kind,
      actor_id: entry.actorId,
      from_status: entry.from ?? null,
      to_status: entry.to ?? null,
      advisor_ids: JSON.stringify(entry.advisorIds ?? []),
    })
    .execute()
}

/**
 * A member of a collectivité asks for help. The request is routed at once (see `matchAdvisors`)
 * and the routing is part of its timeline.
 */
export async function createSupportRequest(
  db: Db,
  principal: Principal,
  body: Static<typeof SupportRequestBody>,
): Promise<Detail> {
  if (!principal.isMemberOf(body.organisationId)) throw new Forbidden()
  const org = await organisationInfo(db, body.organisationId)
  if (!org) throw new OrganisationUnknown()
  if (body.diagnosticId) {
    const diagnostic = await db
      .selectFrom('diagnostics')
      .select('organisation_id')
      .where('id', '=', body.diagnosticId)
      .executeTakeFirst()
    if (diagnostic?.organisation_id !== body.organisationId) throw new NotFound('Diagnostic')
  }
  const id = crypto.randomUUID()
  await db.transaction().execute(async (trx) => {
    const match = await routeRequest(trx, org)
    const row = await trx
      .insertInto('support_requests')
      .values({
        id,
        organisation_id: org.organisationId,
        operator_id: org.operatorId,
        topic: body.topic,
        message: body.message,
        diagnostic_id: body.diagnosticId ?? null,
        status: 'new',
        matched_via: match.via,
        assignee_id: null,
        created_by: principal.userId,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (match.advisorIds.length)
      await trx
        .insertInto('support_request_advisors')
        .values(match.advisorIds.map((advisor_id) => ({ request_id: id, advisor_id })))
        .execute()
    await timeline(trx, id, { kind: 'requested', actorId: principal.userId, to: 'new' })
    await timeline(trx, id, { kind: 'routed', actorId: null, advisorIds: match.advisorIds })
    await recordEvent(trx, DiagnosticsEvents.SupportRequested, id, {
      ...eventData(row, match.advisorIds),
      requestedBy: principal.userId,
    })
  })
  return detail(db, id)
}

export async function getSupportRequest(db: Db, principal: Principal, id: string): Promise<Detail> {
  await visibleRequest(db, principal, id)
  return detail(db, id)
}

/** Summaries of these requests, in the order given (no access check: callers filter the ids). */
export async function requestSummaries(db: Db, ids: string[]): Promise<Summary[]> {
  if (!ids.length) return []
  const rows = await db
    .selectFrom('support_requests as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .where('r.id', 'in', ids)
    .execute()
  const advisors = await advisorsOf(db, ids)
  const byId = new Map(rows.map((r) => [r.id, summary(r, advisors.get(r.id) ?? [])]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Requests the caller may see: their collectivités' and, for advisors and operator admins, those routed to them or their operator. */
export async function listSupportRequests(
  db: Db,
  principal: Principal,
  query: Static<typeof SupportRequestQuery>,
): Promise<{ items: Summary[]; total: number; limit: number; offset: number }> {
  const limit = query.limit ?? 20
  const offset = query.offset ?? 0
  const orgs = principal.memberships.map((m) => m.organisationId)
  let base = db.selectFrom('support_requests as r').where((eb) => {
    if (principal.isPlatformAdmin) return eb.lit(true)
    const ors = []
    if (principal.operatorId && principal.administers(principal.operatorId))
      ors.push(eb('r.operator_id', '=', principal.operatorId))
    if (orgs.length) ors.push(eb('r.organisation_id', 'in', orgs))
    ors.push(eb('r.assignee_id', '=', principal.userId))
    ors.push(
      eb.exists(
        eb
          .selectFrom('support_request_advisors as sa')
          .select('sa.advisor_id')
          .whereRef('sa.request_id', '=', 'r.id')
          .where('sa.advisor_id', '=', principal.userId),
      ),
    )
    if (principal.hasRole('advisor') && principal.operatorId)
      ors.push(eb('r.operator_id', '=', principal.operatorId))
    return eb.or(ors)
  })
  if (query.organisationId) base = base.where('r.organisation_id', '=', query.organisationId)
  if (query.status) base = base.where('r.status', '=', query.status)
  if (query.open) base = base.where('r.status', '<>', 'closed')
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .orderBy('r.last_activity_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute()
  const advisors = await advisorsOf(
    db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => summary(r, advisors.get(r.id) ?? [])),
    total: Number(n),
    limit,
    offset,
  }
}

async function assignInTrx(
  trx: Db,
  principal: Principal,
  request: SupportRequestRow,
  advisorId: string,
): Promise<SupportRequestRow> {
  if (!(await isEligibleAdvisor(trx, advisorId, request.operator_id))) throw new NotAnAdvisor()
  const next = await trx
    .updateTable('support_requests')
    .set({
      assignee_id: advisorId,
      status: request.status === 'new' ? 'assigned' : request.status,
      updated_at: new Date(),
      last_activity_at: new Date(),
      last_activity_by_advisor: true,
    })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  // The assignee is one of the request's advisors from now on.
  await trx
    .insertInto('support_request_advisors')
    .values({ request_id: request.id, advisor_id: advisorId })
    .onConflict((oc) => oc.columns(['request_id', 'advisor_id']).doNothing())
    .execute()
  await timeline(trx, request.id, {
    kind: 'assigned',
    actorId: principal.userId,
    from: request.status,
    to: next.status,
    advisorIds: [advisorId],
  })
  await recordEvent(trx, DiagnosticsEvents.SupportAssigned, request.id, {
    ...eventData(next, [advisorId]),
    ...(request.created_by ? { requestedBy: request.created_by } : {}),
  })
  return next
}

/** An advisor picks a request up (or hands it to a colleague of the same operator). */
export async function assignSupportRequest(
  db: Db,
  principal: Principal,
  id: string,
  advisorId: string | undefined,
): Promise<Detail> {
  await db.transaction().execute(async (trx) => {
    const { request, side } = await visibleRequest(trx, principal, id, true)
    if (side !== 'advisor') throw new Forbidden()
    if (request.status === 'closed') throw new RequestClosed()
    const target = advisorId ?? principal.userId
    if (request.assignee_id === target) return
    await assignInTrx(trx, principal, request, target)
  })
  return detail(db, id)
}

/** Moves a request forward: an advisor starts working on it; either side closes it. */
export async function setSupportStatus(
  db: Db,
  principal: Principal,
  id: string,
  status: 'in-progress' | 'closed',
): Promise<Detail> {
  await db.transaction().execute(async (trx) => {
    let { request, side } = await visibleRequest(trx, principal, id, true)
    if (request.status === status) return
    if (request.status === 'closed') throw new RequestClosed()
    if (status === 'in-progress') {
      if (side !== 'advisor') throw new Forbidden()
      if (!request.assignee_id) request = await assignInTrx(trx, principal, request, principal.userId)
      if (request.status === 'in-progress') return
    }
    const now = new Date()
    const next = await trx
      .updateTable('support_requests')
      .set({
        status,
        updated_at: now,
        last_activity_at: now,
        last_activity_by_advisor: side === 'advisor',
        closed_at: status === 'closed' ? now : null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await timeline(trx, id, {
      kind: status === 'closed' ? 'closed' : 'status-changed',
      actorId: principal.userId,
      from: request.status,
      to: status,
    })
    if (status === 'closed') {
      const advisors = next.assignee_id ? [next.assignee_id] : ((await advisorsOf(trx, [id])).get(id) ?? [])
      await recordEvent(trx, DiagnosticsEvents.SupportClosed, id, {
        ...eventData(next, advisors),
        ...(next.created_by ? { requestedBy: next.created_by } : {}),
      })
    }
  })
  return detail(db, id)
}

type Message = Static<typeof SupportMessage>

const message = (m: {
  id: string
  request_id: string
  author_id: string | null
  from_advisor: boolean
  body: string
  created_at: Date
}): Message => ({
  id: m.id,
  requestId: m.request_id,
  authorId: m.author_id,
  fromAdvisor: m.from_advisor,
  body: m.body,
  createdAt: iso(m.created_at)!,
})

export async function listSupportMessages(
  db: Db,
  principal: Principal,
  id: string,
  page: { limit?: number; offset?: number },
) {
  await visibleRequest(db, principal, id)
  const limit = page.limit ?? 20
  const offset = page.offset ?? 0
  const base = db.selectFrom('support_messages').where('request_id', '=', id)
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base.selectAll().orderBy('seq').limit(limit).offset(offset).execute()
  return { items: rows.map(message), total: Number(n), limit, offset }
}

/**
 * A follow-up message on a request. An advisor's first message on an unassigned request picks
 * it up; an advisor's message on an assigned request moves it to "in progress".
 */
export async function postSupportMessage(
  db: Db,
  principal: Principal,
  id: string,
  body: string,
): Promise<Message> {
  return db.transaction().execute(async (trx) => {
    let { request, side } = await visibleRequest(trx, principal, id, true)
    if (request.status === 'closed') throw new RequestClosed()
    const fromAdvisor = side === 'advisor'
    if (
      fromAdvisor &&
      !request.assignee_id &&
      (await isEligibleAdvisor(trx, principal.userId, request.operator_id))
    )
      request = await assignInTrx(trx, principal, request, principal.userId)
    const now = new Date()
    const next = fromAdvisor && request.status === 'assigned' ? 'in-progress' : request.status
    await trx
      .updateTable('support_requests')
      .set({ status: next, updated_at: now, last_activity_at: now, last_activity_by_advisor: fromAdvisor })
      .where('id', '=', id)
      .execute()
    if (next !== request.status)
      await timeline(trx, id, {
        kind: 'status-changed',
        actorId: principal.userId,
        from: request.status,
        to: next,
      })
    const row = await trx
      .insertInto('support_messages')
      .values({
        id: crypto.randomUUID(),
        request_id: id,
        author_id: principal.userId,
        from_advisor: fromAdvisor,
        body,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await timeline(trx, id, { kind: 'message', actorId: principal.userId })
    const advisors = request.assignee_id
      ? [request.assignee_id]
      : ((await advisorsOf(trx, [id])).get(id) ?? [])
    await recordEvent(trx, DiagnosticsEvents.SupportMessagePosted, id, {
      requestId: id,
      organisationId: request.organisation_id,
      authorId: principal.userId,
      advisorIds: advisors,
      fromAdvisor,
      ...(request.created_by ? { requestedBy: request.created_by } : {}),
    })
    return message(row)
  })
}
