import { waitFor } from '@osinum/service-kit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accompanimentCommands } from './commands.js'
import { runReminders } from './domain/reminders.js'
import { bearer, id, identity, SETUP_TIMEOUT, startTestService, type TestService, tokens } from './testing.js'

interface ReminderEnvelope {
  data: { kind: string; subjectId: string; recipientIds: string[]; dueOn: string; title: string }
}

/** The reminder job emits ReminderDue once per (kind, subject, day), however often it runs. */
describe('reminder job', () => {
  let world: TestService
  const OP = id(41, 1)
  const ADVISOR = id(42, 1)
  const MAYOR = id(43, 1)
  const AGENT = id(43, 2)
  const ORG = id(44, 1)
  let overdueId: string
  let requestId: string
  const now = new Date('2027-03-15T09:00:00Z')

  async function reminders(): Promise<ReminderEnvelope[]> {
    const rows = await world.db
      .selectFrom('outbox' as never)
      .select('envelope' as never)
      .where('subject' as never, 'like', '%reminder.due%' as never)
      .orderBy('seq' as never)
      .execute()
    return rows.map((r) => (r as { envelope: ReminderEnvelope }).envelope)
  }

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP, ['69'], null)
    await idy.user(ADVISOR, ['advisor'], OP)
    await idy.organisation(ORG, { operatorId: OP, departement: '69' })
    await idy.member(ORG, MAYOR)
    await idy.member(ORG, AGENT, 'agent')
    await idy.assign(ORG, ADVISOR, OP)
    await idy.consent(ORG, MAYOR, true)
    const token = await tokens(world.keys).member(MAYOR, ORG)
    const post = (url: string, payload: object) =>
      world.host.app.inject({ method: 'POST', url, headers: bearer(token), payload })
    const overdue = await post(`/v1/action-plans/${ORG}/items`, {
      title: 'Sauvegarde externalisée',
      dueDate: '2027-03-01',
    })
    overdueId = (overdue.json() as { id: string }).id
    await post(`/v1/action-plans/${ORG}/items`, { title: 'Pas encore dû', dueDate: '2027-04-01' })
    await post(`/v1/action-plans/${ORG}/items`, { title: 'Fini', dueDate: '2027-03-01', status: 'done' })
    await post(`/v1/action-plans/${ORG}/items`, { title: 'Sans échéance' })
    const request = await post('/v1/support-requests', {
      organisationId: ORG,
      topic: 'Sauvegardes',
      message: 'Comment tester une restauration ?',
    })
    requestId = (request.json() as { id: string }).id
    // The request has been silent for ten days.
    await world.db
      .updateTable('support_requests')
      .set({ last_activity_at: new Date('2027-03-05T08:00:00Z') })
      .where('id', '=', requestId)
      .execute()
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  it('reminds overdue items and stale requests to the people who must act', async () => {
    const run = await runReminders(world.db, now, { staleDays: 7 })
    expect(run).toEqual({ overdueItems: 1, staleRequests: 1 })
    const events = await reminders()
    expect(events.map((e) => [e.data.kind, e.data.subjectId, e.data.dueOn])).toEqual([
      ['overdue-action-item', overdueId, '2027-03-01'],
      ['stale-support-request', requestId, '2027-03-12'],
    ])
    // Members and the consenting advisor for an item; the routed advisor for an unanswered request.
    expect(events[0]!.data.recipientIds).toEqual([ADVISOR, MAYOR, AGENT].sort())
    expect(events[1]!.data.recipientIds).toEqual([ADVISOR])
  })

  it('sends nothing twice, however often (or concurrently) it runs', async () => {
    expect(await runReminders(world.db, now, { staleDays: 7 })).toEqual({ overdueItems: 0, staleRequests: 0 })
    // Two replicas find the same new overdue item at the same moment: one reminder only.
    const token = await tokens(world.keys).member(MAYOR, ORG)
    await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/items`,
      headers: bearer(token),
      payload: { title: 'Double exécution', dueDate: '2027-03-14' },
    })
    const concurrent = await Promise.all([
      runReminders(world.db, now, { staleDays: 7 }),
      runReminders(world.db, now, { staleDays: 7 }),
    ])
    expect(concurrent.reduce((s, r) => s + r.overdueItems + r.staleRequests, 0)).toBe(1)
    expect(await runReminders(world.db, new Date(now.getTime() + 86_400_000), { staleDays: 7 })).toEqual({
      overdueItems: 0,
      staleRequests: 0,
    })
    expect(await reminders()).toHaveLength(3)
    const rows = await world.db.selectFrom('reminders').selectAll().execute()
    expect(rows).toHaveLength(3)
  })

  it('runs once from the CLI command, as idempotent as the scheduled job', async () => {
    const lines: string[] = []
    const ctx = { ...world.host.commandContext('diagnostics'), log: (l: string) => lines.push(l) }
    await accompanimentCommands['run-reminders']!(ctx, [now.toISOString()])
    expect(lines).toEqual(['reminders: 0 overdue item(s), 0 stale request(s)'])
    await expect(accompanimentCommands['run-reminders']!(ctx, ['pas une date'])).rejects.toThrow(/not a date/)
  })

  it('reminds again only for a new due date or a new silence', async () => {
    const token = await tokens(world.keys).member(MAYOR, ORG)
    await world.host.app.inject({
      method: 'PATCH',
      url: `/v1/action-items/${overdueId}`,
      headers: bearer(token),
      payload: { dueDate: '2027-03-10' },
    })
    // The advisor answers, then the collectivité stays silent: the requester is reminded.
    await world.host.app.inject({
      method: 'POST',
      url: `/v1/support-requests/${requestId}/messages`,
      headers: bearer(await tokens(world.keys).advisor(ADVISOR, OP)),
      payload: { body: 'Essayons ensemble jeudi.' },
    })
    await world.db
      .updateTable('support_requests')
      .set({ last_activity_at: new Date('2027-03-06T08:00:00Z') })
      .where('id', '=', requestId)
      .execute()
    expect(await runReminders(world.db, now, { staleDays: 7 })).toEqual({ overdueItems: 1, staleRequests: 1 })
    const events = await reminders()
    expect(events.slice(3).map((e) => [e.data.kind, e.data.dueOn, e.data.recipientIds])).toEqual([
      ['overdue-action-item', '2027-03-10', [ADVISOR, MAYOR, AGENT].sort()],
      ['stale-support-request', '2027-03-13', [MAYOR]],
    ])
    expect(await runReminders(world.db, now, { staleDays: 7 })).toEqual({ overdueItems: 0, staleRequests: 0 })
  })

  it('does not remind closed requests nor finished items', async () => {
    const token = await tokens(world.keys).member(MAYOR, ORG)
    await world.host.app.inject({
      method: 'POST',
      url: `/v1/support-requests/${requestId}/status`,
      headers: bearer(token),
      payload: { status: 'closed' },
    })
    await world.host.app.inject({
      method: 'PATCH',
      url: `/v1/action-items/${overdueId}`,
      headers: bearer(token),
      payload: { status: 'done', dueDate: '2027-03-11' },
    })
    const farLater = new Date('2027-03-25T09:00:00Z')
    expect(await runReminders(world.db, farLater, { staleDays: 7 })).toEqual({
      overdueItems: 0,
      staleRequests: 0,
    })
  })
})

describe('scheduled reminder job', () => {
  let world: TestService
  const MAYOR = id(45, 1)
  const ORG = id(45, 2)
  beforeAll(async () => {
    world = await startTestService({ REMINDERS_INTERVAL_MS: '50' })
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  it('runs on its own every REMINDERS_INTERVAL_MS once the service is ready', async () => {
    await identity(world).organisation(ORG, { operatorId: null, departement: '69' })
    await identity(world).member(ORG, MAYOR)
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
    const res = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/items`,
      headers: bearer(await tokens(world.keys).member(MAYOR, ORG)),
      payload: { title: 'Oubliée', dueDate: yesterday },
    })
    expect(res.statusCode).toBe(201)
    const row = await waitFor(() =>
      world.db
        .selectFrom('reminders')
        .selectAll()
        .where('subject_id', '=', (res.json() as { id: string }).id)
        .executeTakeFirst(),
    )
    expect(row).toMatchObject({ kind: 'overdue-action-item', day: yesterday, recipient_ids: [MAYOR] })
  })
})
