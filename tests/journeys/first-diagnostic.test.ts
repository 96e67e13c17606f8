import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bearer, linkIn, type Platform, startPlatform } from './harness.js'
import { answerAndSubmitDiagnostic, createCommune, expectEachMailOnce, signUpByMagicLink } from './steps.js'

const infra = infrastructure()

describeWithNats('journey 1: from a magic link to the results of a first diagnostic', () => {
  let p: Platform
  beforeAll(async () => {
    p = await startPlatform({ natsUrl: infra.natsUrl! })
  })
  afterAll(async () => {
    await p?.close()
  })

  it('a secretary signs in by email, registers her commune, submits the diagnostic and receives results that point to real tools and resources', async () => {
    const email = 'secretariat@mairie-felletin.example'
    const first = await signUpByMagicLink(p, email, 'Camille')
    const { commune, tokens } = await createCommune(p, first, 'Felletin')
    expect(commune.departement).toBe('23')
    expect(commune.population).toBeGreaterThan(1000)

    const diagnosticId = await answerAndSubmitDiagnostic(p, tokens, commune.id)

    const resultsMail = await p.mail.waitFor(email, (m) =>
      m.text.includes(`/diagnostic/${diagnosticId}/resultats`),
    )
    expect(resultsMail.html).toContain('Felletin')
    expect(linkIn(resultsMail, `/diagnostic/${diagnosticId}/resultats`)).not.toMatch(/\/v1\//)

    const results = (
      await p.inject({
        method: 'GET',
        url: `/v1/diagnostics/${diagnosticId}/results`,
        headers: bearer(tokens),
      })
    ).json() as {
      priorities: Array<{
        title: string
        tools: Array<{ slug: string }>
        resourceThemes: Array<{ id: string }>
      }>
      annex: Array<{ tools: Array<{ slug: string }>; resourceThemes: Array<{ id: string }> }>
    }
    expect(results.priorities.length).toBeGreaterThan(0)
    for (const measure of results.priorities)
      expect(resultsMail.text + resultsMail.html).toContain(measure.title.slice(0, 30))
    const measures = [...results.priorities, ...results.annex]
    const slugs = new Set(measures.flatMap((m) => m.tools.map((t) => t.slug)))
    const themes = new Set(measures.flatMap((m) => m.resourceThemes.map((t) => t.id)))
    expect(slugs.size).toBeGreaterThan(0)
    for (const slug of slugs)
      expect((await p.inject({ method: 'GET', url: `/v1/tools/${slug}` })).statusCode, slug).toBe(200)
    for (const theme of themes) {
      const found = (
        await p.inject({ method: 'GET', url: `/v1/resources?theme=${theme}&limit=1` })
      ).json() as { total: number }
      expect(found.total, theme).toBeGreaterThan(0)
    }
    expectEachMailOnce(p, [email])
  })
})
