import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addresses,
  eventually,
  HOOK_TIMEOUT_MS,
  headerText,
  mailTo,
  person,
  startSmtp,
  startTestService,
  type TestService,
  type TestSmtp,
} from './testing.js'

/** Emails through a REAL SMTP server: arrival, retries, permanent failures, exactly one per event. */
describe('email delivery over SMTP', () => {
  let smtp: TestSmtp
  let s: TestService
  beforeAll(async () => {
    smtp = await startSmtp((address, attempt) => {
      if (address.startsWith('busy.') && attempt <= 2) return { code: 451, message: '4.3.0 Try again later' }
      if (address.startsWith('unknown.')) return { code: 550, message: '5.1.1 No such user here' }
      return null
    })
    s = await startTestService({ smtp })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await smtp?.close()
  }, HOOK_TIMEOUT_MS)

  const magicLink = (userId: string, email: string, options: { id?: string } = {}) =>
    publishTestEvent(
      s.host,
      IdentityEvents.MagicLinkRequested,
      userId,
      {
        userId,
        email,
        url: `https://osinum.example.fr/v1/auth/magic-link/verify?token=tok-${userId}`,
        expiresAt: '2026-12-01T10:15:00.000Z',
      },
      options,
    )

  const deliveriesOf = (causeEventId: string) =>
    s.db.selectFrom('deliveries').selectAll().where('cause_event_id', '=', causeEventId).execute()

  it('sends the magic link to the address (no projection needed): recipient, French subject, link, text and HTML', async () => {
    const p = person('Camille')
    const event = await magicLink(p.id, p.email)
    const [mail] = await mailTo(smtp, p.email)
    expect(mail!.rcpt).toEqual([p.email])
    expect(addresses(mail!.parsed.to)).toEqual([p.email])
    expect(mail!.parsed.from?.value[0]).toMatchObject({
      name: 'osinum',
      address: 'ne-pas-repondre@osinum.example.fr',
    })
    expect(mail!.parsed.subject).toBe('Votre lien de connexion à osinum')
    const url = `https://osinum.example.fr/v1/auth/magic-link/verify?token=tok-${p.id}`
    expect(mail!.parsed.text).toContain(url)
    expect(mail!.parsed.html).toContain(`href="${url}"`)
    expect(mail!.parsed.html).toContain('lang="fr"')
    expect(headerText(mail!, 'Auto-Submitted')).toBe('auto-generated')
    // Authentication emails cannot be turned off: no unsubscribe header.
    expect(headerText(mail!, 'List-Unsubscribe')).toBeUndefined()
    const deliveries = await eventually(async () => {
      const rows = await deliveriesOf(event.id)
      return rows[0]?.status === 'sent' ? rows : null
    })
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ channel: 'email', recipient: p.email, attempts: 1, message: null })
    const delivered = await eventually(() =>
      s.db
        .selectFrom('outbox')
        .select('envelope')
        .where('subject', '=', 'osinum.notifications.notification.delivered.v1')
        .where(sql<boolean>`envelope->'data'->>'causeEventId' = ${event.id}`)
        .executeTakeFirst(),
    )
    expect((delivered.envelope as { data: { channel: string } }).data.channel).toBe('email')
  })

  it('a duplicated or redelivered event sends nothing more', async () => {
    const p = person('Dominique')
    const first = await magicLink(p.id, p.email)
    // The same envelope again: JetStream (and the in-process bus) drop it by msgId…
    await magicLink(p.id, p.email, { id: first.id })
    // …and a redelivery under another msgId reaches the consumer, whose inbox skips it.
    const naming = s.host.naming
    const [result] = await s.transport.publish([
      {
        subject: naming.subject(IdentityEvents.MagicLinkRequested.subject),
        msgId: `${first.id}:redelivery`,
        data: JSON.stringify(first),
        headers: {},
      },
    ])
    expect(result?.ok).toBe(true)
    // A later event of the same aggregate is processed after them (per-aggregate order).
    const marker = await magicLink(p.id, `marker.${p.email}`)
    await mailTo(smtp, `marker.${p.email}`)
    await eventually(async () => (await deliveriesOf(marker.id))[0]?.status === 'sent')
    // Emails of one batch leave side by side: the first one may land just after the marker.
    await eventually(async () => (await deliveriesOf(first.id))[0]?.status === 'sent')
    expect(smtp.to(p.email)).toHaveLength(1)
    expect(await deliveriesOf(first.id)).toHaveLength(1)
  })

  it('retries a temporary failure (451) with back-off: the email arrives once', async () => {
    const p = person('Busy')
    const email = `busy.${p.email}`
    const event = await magicLink(p.id, email)
    const mails = await mailTo(smtp, email)
    expect(mails).toHaveLength(1)
    expect(smtp.attempts.get(email)).toBe(3)
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(event.id)
      return rows[0]?.status === 'sent' ? rows : null
    })
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3 })
    const metrics = await s.host.app.inject({ method: 'GET', url: '/metrics' })
    expect(metrics.body).toMatch(/osinum_email_deliveries_total\{outcome="retried"\} [1-9]/)
    expect(metrics.body).toMatch(/osinum_email_deliveries_total\{outcome="sent"\} [1-9]/)
  })

  it('records a permanent refusal (550) as failed at once, with a NotificationFailed event', async () => {
    const p = person('Nobody')
    const email = `unknown.${p.email}`
    const event = await magicLink(p.id, email)
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(event.id)
      return rows[0]?.status === 'failed' ? rows : null
    })
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, message: null })
    expect(delivery!.last_error).toMatch(/^550 /)
    expect(smtp.attempts.get(email)).toBe(1)
    expect(smtp.to(email)).toHaveLength(0)
    const failed = await eventually(() =>
      s.db
        .selectFrom('outbox')
        .select('envelope')
        .where('subject', '=', 'osinum.notifications.notification.failed.v1')
        .where(sql<boolean>`envelope->'data'->>'causeEventId' = ${event.id}`)
        .executeTakeFirst(),
    )
    const data = (failed.envelope as { data: { error: string; attempts: number } }).data
    expect(data.attempts).toBe(1)
    expect(data.error).toMatch(/550/)
    expect(data.error).not.toContain(email)
    const metrics = await s.host.app.inject({ method: 'GET', url: '/metrics' })
    expect(metrics.body).toMatch(/osinum_email_deliveries_total\{outcome="failed"\} [1-9]/)
  })

  it('never records two emails for one event and recipient, even when the same notification is built twice', async () => {
    const { notify } = await import('./domain/notify.js')
    const { UnsubscribeSecret } = await import('./domain/unsubscribe.js')
    const secret = new UnsubscribeSecret('x'.repeat(40))
    await secret.load(s.db)
    const rt = { publicUrl: 'https://osinum.example.fr', mailFromAddress: 'a@osinum.example.fr', secret }
    const cause = uuidv7()
    const input = {
      causeEventId: cause,
      category: 'diagnostics' as const,
      kind: 'test',
      recipient: { userId: null, email: 'twice@example.fr', name: null },
      content: { subject: 'Sujet', summary: 'Résumé', blocks: [] },
      channels: { email: true, inApp: false },
      reason: 'test',
    }
    const first = await s.db.transaction().execute((trx) => notify(trx, rt, input))
    const second = await s.db.transaction().execute((trx) => notify(trx, rt, input))
    expect(first).toBeTruthy()
    expect(second).toBeNull()
    expect(await deliveriesOf(cause)).toHaveLength(1)
  })

  it('has no development mailbox outside the embedded mode', async () => {
    const res = await s.host.app.inject({ method: 'GET', url: '/v1/dev/mailbox' })
    expect(res.statusCode).toBe(404)
  })
})
