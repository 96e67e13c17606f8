import { DiagnosticsEvents, IdentityEvents } from '@osinum/contracts'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  addOrganisation,
  addUser,
  eventually,
  HOOK_TIMEOUT_MS,
  mailTo,
  person,
  startSmtp,
  startTestService,
  type TestService,
  type TestSmtp,
} from './testing.js'

/** GDPR erasure: the projection, preferences, inbox and pending emails go; nothing is ever sent again. */
describe('erasure of a person', () => {
  let smtp: TestSmtp
  let s: TestService
  const commune = { id: uuidv7(), name: 'Oubli-sur-Mer' }
  const erased = person('Eve Effacée')
  const stays = person('Sacha Reste')
  // The SMTP server keeps refusing the erased person for now: their email stays pending.
  let refuseErased = true

  beforeAll(async () => {
    smtp = await startSmtp((address) =>
      refuseErased && address === erased.email ? { code: 451, message: '4.2.1 Mailbox busy' } : null,
    )
    s = await startTestService({ smtp, env: { EMAIL_RETRY_BASE_MS: '100', EMAIL_RETRY_MAX_MS: '100' } })
    await addOrganisation(s, commune)
    await addUser(s, erased)
    await addUser(s, stays)
    await addMember(s, commune.id, erased.id)
    await addMember(s, commune.id, stays.id)
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await smtp?.close()
  }, HOOK_TIMEOUT_MS)

  const submit = () => {
    const diagnosticId = uuidv7()
    return publishTestEvent(s.host, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
      diagnosticId,
      organisationId: commune.id,
      submittedBy: stays.id,
      questionnaireVersion: 1,
      level: 'B' as never,
      overallScore: 66,
      themeScores: {},
      lensScores: {},
      weakThemes: ['email'],
      topMeasures: [],
      reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
    })
  }

  it('deletes the projection, preferences, inbox and pending emails, and never emails the person again', async () => {
    const token = await s.keys.token({ sub: erased.id })
    const prefs = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: { authorization: `Bearer ${token}` },
      payload: { digest: { frequency: 'daily' } },
    })
    expect(prefs.statusCode).toBe(200)
    const first = await submit()
    await mailTo(smtp, stays.email)
    // The erased person's email is pending (refused with 451 so far), their inbox has the notification.
    await eventually(async () => (smtp.attempts.get(erased.email) ?? 0) >= 1)
    // Once its refusal is recorded (while the SMTP exchange runs it is 'sending').
    await eventually(async () => {
      const pending = await s.db
        .selectFrom('deliveries')
        .select(['status'])
        .where('cause_event_id', '=', first.id)
        .where('recipient', '=', erased.email)
        .executeTakeFirstOrThrow()
      return pending.status === 'pending'
    })

    await publishTestEvent(s.host, IdentityEvents.UserErased, erased.id, { userId: erased.id })
    await eventually(async () =>
      s.db.selectFrom('erased_users').select('user_id').where('user_id', '=', erased.id).executeTakeFirst(),
    )
    const left = async (
      table: 'users' | 'memberships' | 'preferences' | 'digest_settings' | 'notifications',
    ) => s.db.selectFrom(table).selectAll().where('user_id', '=', erased.id).execute()
    for (const table of ['users', 'memberships', 'preferences', 'digest_settings', 'notifications'] as const)
      expect(await left(table), table).toEqual([])
    const deliveries = await s.db
      .selectFrom('deliveries')
      .select('id')
      .where((eb) => eb.or([eb('recipient', '=', erased.email), eb('recipient', '=', erased.id)]))
      .execute()
    expect(deliveries).toEqual([])

    // The server would now accept it, and later events keep coming: nothing reaches the person.
    refuseErased = false
    // A replayed registration of the person must not bring them back.
    const late: string[] = []
    const updated = await publishTestEvent(s.host, IdentityEvents.UserUpdated, erased.id, {
      userId: erased.id,
      email: erased.email,
      displayName: erased.name,
      platformRoles: [],
      operatorId: null,
    })
    const granted = await publishTestEvent(
      s.host,
      IdentityEvents.MembershipGranted,
      `${commune.id}:${erased.id}`,
      {
        organisationId: commune.id,
        userId: erased.id,
        role: 'elected',
        referent: false,
      },
    )
    const magic = await publishTestEvent(s.host, IdentityEvents.MagicLinkRequested, erased.id, {
      userId: erased.id,
      email: erased.email,
      url: 'https://osinum.example.fr/v1/auth/magic-link/verify?token=late',
      expiresAt: '2026-12-01T10:00:00.000Z',
    })
    late.push(updated.id, granted.id, magic.id)
    const second = await submit()
    await eventually(() => smtp.to(stays.email).length >= 2)
    await eventually(async () => {
      const rows = await s.db
        .selectFrom('deliveries')
        .select('status')
        .where('cause_event_id', '=', second.id)
        .execute()
      return rows.length > 0 && rows.every((r) => r.status !== 'pending' && r.status !== 'sending')
    })
    // The late events were processed (each consumer's inbox has them): the tombstone held.
    await eventually(async () => {
      const processed = await s.db
        .selectFrom('inbox')
        .select('event_id')
        .where('event_id', 'in', late)
        .execute()
      // (UserUpdated has two consumers here: the projection and the personal identifiers.)
      return new Set(processed.map((p) => p.event_id)).size === late.length
    })
    expect(await left('users')).toEqual([])
    expect(await left('memberships')).toEqual([])
    expect(smtp.to(erased.email)).toHaveLength(0)
    const anything = await s.db
      .selectFrom('deliveries')
      .select('id')
      .where((eb) => eb.or([eb('recipient', '=', erased.email), eb('recipient', '=', erased.id)]))
      .execute()
    expect(anything).toEqual([])
  })
})
