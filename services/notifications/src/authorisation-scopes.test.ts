import { bearerHeader, callsAs } from '@osinum/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  addOrganisation,
  addUser,
  HOOK_TIMEOUT_MS,
  person,
  startSmtp,
  startTestService,
  type TestService,
  type TestSmtp,
} from './testing.js'

/**
 * Two operators and every scoped role in notifications: webhooks and deliveries of operator A are
 * A's administrators' (and the platform admin's); an admin of B gets 404 on A's endpoints, and
 * sees no delivery to A's people.
 */
describe('notifications operator scopes: two operators, every scoped role', () => {
  let s: TestService
  let smtp: TestSmtp
  const opA = uuidv7()
  const opB = uuidv7()
  const communeA = { id: uuidv7(), name: 'Commune A', operatorId: opA }
  const mayorA = person('Maire A')
  const tokens = {} as Record<'platformAdmin' | 'adminA' | 'adminB' | 'editorA' | 'mayorA', string>
  let endpointA: string
  let notificationA: string

  const { expectStatus } = callsAs<keyof typeof tokens>(
    () => s.host.app,
    (who) => bearerHeader(tokens[who]),
  )

  beforeAll(async () => {
    smtp = await startSmtp()
    s = await startTestService({ smtp, env: { WEBHOOK_ALLOW_INSECURE: 'true' } })
    await addOrganisation(s, communeA)
    await addUser(s, mayorA)
    await addMember(s, communeA.id, mayorA.id)
    tokens.platformAdmin = await s.keys.token({ sub: uuidv7(), roles: ['admin'] })
    tokens.adminA = await s.keys.token({ sub: uuidv7(), roles: ['admin'], op: opA })
    tokens.adminB = await s.keys.token({ sub: uuidv7(), roles: ['admin'], op: opB })
    tokens.editorA = await s.keys.token({ sub: uuidv7(), roles: ['editor'], op: opA })
    tokens.mayorA = await s.keys.token({
      sub: mayorA.id,
      orgs: [{ id: communeA.id, role: 'elected', ref: true }],
    })
    endpointA = (
      await expectStatus('adminA', 'POST', '/v1/webhooks', 201, {
        url: 'http://127.0.0.1:9/a',
        eventTypes: ['*'],
      })
    ).json().id
    // A notification (and its email) to the mayor of commune A.
    notificationA = uuidv7()
    const cause = uuidv7()
    await s.db
      .insertInto('notifications')
      .values({
        id: notificationA,
        cause_event_id: cause,
        user_id: mayorA.id,
        recipient: mayorA.email,
        category: 'diagnostics',
        kind: 'diagnostic-submitted',
        title: 'Votre diagnostic est prêt',
        body: 'Consultez vos résultats.',
        link: null,
        in_app: true,
        read_at: null,
        relay: null,
      } as never)
      .execute()
    await s.db
      .insertInto('deliveries')
      .values({
        id: uuidv7(),
        notification_id: notificationA,
        cause_event_id: cause,
        recipient: mayorA.email,
        channel: 'email',
        category: 'diagnostics',
        status: 'failed',
        attempts: 3,
        next_attempt_at: null,
        last_error: '550 mailbox unavailable',
        message: null,
        sent_at: null,
      } as never)
      .execute()
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await smtp?.close()
  }, HOOK_TIMEOUT_MS)

  it('an admin of operator B gets 404 on operator A’s webhooks and cannot register one for A', async () => {
    for (const [method, url, payload] of [
      ['GET', `/v1/webhooks/${endpointA}`],
      ['PATCH', `/v1/webhooks/${endpointA}`, { enabled: false }],
      ['DELETE', `/v1/webhooks/${endpointA}`],
      ['GET', `/v1/webhooks/${endpointA}/deliveries`],
    ] as const)
      await expectStatus('adminB', method, url, 404, payload)
    expect((await expectStatus('adminB', 'GET', '/v1/webhooks', 200)).json().total).toBe(0)
    await expectStatus('adminB', 'POST', '/v1/webhooks', 403, {
      url: 'http://127.0.0.1:9/b',
      eventTypes: ['*'],
      operatorId: opA,
    })
    await expectStatus('adminA', 'POST', '/v1/webhooks', 403, {
      url: 'http://127.0.0.1:9/national',
      eventTypes: ['*'],
      operatorId: null,
    })
    await expectStatus('editorA', 'GET', '/v1/webhooks', 403)
    await expectStatus('adminA', 'GET', `/v1/webhooks/${endpointA}`, 200)
    const all = (await expectStatus('platformAdmin', 'GET', '/v1/webhooks', 200)).json()
    expect(all.items.map((e: { id: string }) => e.id)).toContain(endpointA)
  })

  it('deliveries to the people of operator A: for A’s admins and the platform admin, not for B’s', async () => {
    const ofA = (await expectStatus('adminA', 'GET', '/v1/notification-deliveries', 200)).json()
    expect(ofA.items.map((d: { recipient: string }) => d.recipient)).toEqual([mayorA.email])
    expect((await expectStatus('adminB', 'GET', '/v1/notification-deliveries', 200)).json().total).toBe(0)
    expect(
      (await expectStatus('platformAdmin', 'GET', '/v1/notification-deliveries', 200)).json().total,
    ).toBe(1)
    await expectStatus('adminB', 'GET', `/v1/notifications/${notificationA}/deliveries`, 404)
    await expectStatus('adminA', 'GET', `/v1/notifications/${notificationA}/deliveries`, 200)
    await expectStatus('mayorA', 'GET', `/v1/notifications/${notificationA}/deliveries`, 200)
    await expectStatus('editorA', 'GET', '/v1/notification-deliveries', 403)
  })
})
