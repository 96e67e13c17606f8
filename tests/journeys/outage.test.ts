import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, type PrivateServer, startPrivateNats } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Platform, startPlatform } from './harness.js'
import { answerAndSubmitDiagnostic, createCommune, expectEachMailOnce, signUpByMagicLink } from './steps.js'

describeWithNats('journey 4: NATS stops during the first diagnostic journey and comes back', () => {
  let nats: PrivateServer
  let p: Platform
  beforeAll(async () => {
    nats = await startPrivateNats()
    p = await startPlatform({ natsUrl: nats.url })
  })
  afterAll(async () => {
    await p?.close()
    await nats?.destroy()
  })

  it('completes the journey once NATS is back, each email exactly once', async () => {
    const email = 'mairie@ahun.example'
    const first = await signUpByMagicLink(p, email, 'Dominique')
    const { commune, tokens } = await createCommune(p, first, 'Ahun')

    // The bus goes down: writes keep being accepted, events wait in the outboxes.
    await nats.stop()
    const submit = answerAndSubmitDiagnostic(p, tokens, commune.id).catch((e) => e)
    // The submission's event is committed and waits in the diagnostics outbox: the results email
    // cannot have left.
    await waitFor(
      async () =>
        (
          await p
            .db('diagnostics')
            .selectFrom('outbox')
            .select('id')
            .where('subject', 'like', '%.diagnostic.submitted.%')
            .where('published_at', 'is', null)
            .execute()
        ).length === 1,
      60_000,
    )
    expect(p.mail.to(email).some((m) => m.text.includes('/resultats'))).toBe(false)
    await nats.start()

    const diagnosticId = await submit
    expect(typeof diagnosticId).toBe('string')
    await p.mail.waitFor(email, (m) => m.text.includes(`/diagnostic/${diagnosticId}/resultats`), 90_000)
    // Once every redelivery has been handled, nothing was sent twice.
    await p.settled()
    const counts = expectEachMailOnce(p, [email])
    expect(counts.size).toBeGreaterThanOrEqual(3)
  })
})
