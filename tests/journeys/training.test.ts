import { DEMO } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bearer, type Platform, startPlatform } from './harness.js'
import { expectEachMailOnce, signUpByMagicLink } from './steps.js'

const infra = infrastructure()

describeWithNats('journey 3: a full training session', () => {
  let p: Platform
  beforeAll(async () => {
    p = await startPlatform({ natsUrl: infra.natsUrl! })
  })
  afterAll(async () => {
    await p?.close()
  })

  it('puts a registration on the waiting list, promotes it on a cancellation and sends the promoted person one email with the .ics', async () => {
    const login = await p.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: DEMO.editor.email, password: DEMO.password },
    })
    expect(login.statusCode).toBe(200)
    const editor = login.json() as { accessToken: string }
    const training = await p.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: bearer(editor),
      payload: {
        slug: 'rgpd-petites-communes-journee',
        title: 'Le RGPD dans une petite commune',
        summary: 'Les bases du RGPD pour les élus et les agents.',
        description: 'Registre des traitements, droits des personnes, sous-traitants.',
        themes: ['gdpr'],
        audience: ['elected', 'agent'],
        level: 'beginner',
        durationMinutes: 120,
      },
    })
    expect(training.statusCode, training.body).toBe(201)
    const session = await p.inject({
      method: 'POST',
      url: '/v1/trainings/rgpd-petites-communes-journee/sessions',
      headers: bearer(editor),
      payload: {
        startsAt: '2027-03-11T09:30',
        endsAt: '2027-03-11T11:30',
        mode: 'online',
        onlineUrl: 'https://visio.example.org/rgpd',
        capacity: 1,
      },
    })
    expect(session.statusCode, session.body).toBe(201)
    const sessionId = (session.json() as { id: string }).id

    const first = await signUpByMagicLink(p, 'premier@mairie-a.example', 'Premier inscrit')
    const second = await signUpByMagicLink(p, 'seconde@mairie-b.example', 'Seconde inscrite')
    const a = await p.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: bearer(first),
      payload: { sessionId },
    })
    const b = await p.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: bearer(second),
      payload: { sessionId },
    })
    expect((a.json() as { status: string }).status).toBe('registered')
    expect((b.json() as { status: string }).status).toBe('waiting')
    // Let the "you are on the waiting list" mail arrive before the cancellation.
    await p.mail.waitFor('seconde@mairie-b.example', (m) => m.text.includes('/formations/'))
    const before = p.mail.to('seconde@mairie-b.example').length

    const cancelled = await p.inject({
      method: 'DELETE',
      url: `/v1/registrations/${(a.json() as { id: string }).id}`,
      headers: bearer(first),
    })
    expect(cancelled.statusCode).toBe(204)
    await waitFor(() => p.mail.to('seconde@mairie-b.example').length > before, 30_000)
    await p.settled()
    const after = p.mail.to('seconde@mairie-b.example').slice(before)
    expect(after).toHaveLength(1)
    const ics = after[0]!.attachments.find((att) => att.contentType.startsWith('text/calendar'))
    expect(ics, 'an .ics attachment').toBeDefined()
    const text = ics!.content.toString('utf8')
    expect(text).toContain('BEGIN:VEVENT')
    expect(text).toMatch(/TZID[=:]Europe\/Paris/)
    expectEachMailOnce(p, ['premier@mairie-a.example', 'seconde@mairie-b.example'])
  })
})
