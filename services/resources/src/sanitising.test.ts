import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, ORG_A, seedOrganisations, startTestService, type TestService } from './testing.js'

const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[clic](javascript:alert(3))',
  '<a href="javascript:alert(4)">lien</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(5)></svg>',
  '<p style="background:url(javascript:alert(6))" onclick="alert(7)">texte</p>',
  '<object data="x"></object><embed src="x">',
  '<form action="https://evil.example"><input name="p"></form>',
].join('\n\n')

/** No executable markup can survive: no script-capable tag, no event handler, no javascript: URL. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<\s*(script|iframe|svg|object|embed|form|input|style)\b/i)
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/javascript:/i)
  expect(html).not.toMatch(/style=/i)
}

describe('script injection is neutralised', () => {
  let t: TestService
  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('in resource Markdown, titles and summaries', async () => {
    const res = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: await t.auth('nationalEditor'),
      payload: draft({
        slug: 'piege',
        title: '<script>alert("titre")</script>Guide <img src=x onerror=alert(1)>pratique',
        summary: 'Résumé <b onmouseover="alert(1)">gras</b>',
        body: `## Titre\n\nDu **texte** et un [vrai lien](https://www.cnil.fr/).\n\n${ATTACKS}`,
      }),
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json() as { title: string; summary: string; bodyHtml: string }
    expect(body.title).toBe('Guide pratique')
    expect(body.summary).toBe('Résumé gras')
    expectInert(body.bodyHtml)
    expect(body.bodyHtml).toContain('<strong>texte</strong>')
    expect(body.bodyHtml).toContain(
      '<a href="https://www.cnil.fr/" rel="nofollow noopener noreferrer">vrai lien</a>',
    )
    // What is stored is what is served.
    const row = await t.db
      .selectFrom('resources')
      .select(['title', 'body_html'])
      .where('slug', '=', 'piege')
      .executeTakeFirstOrThrow()
    expect(row.title).toBe('Guide pratique')
    expectInert(row.body_html)
  })

  it('in titles that hide a tag behind HTML entities', async () => {
    const res = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: await t.auth('nationalEditor'),
      payload: draft({ title: 'Avant &lt;script&gt;alert(1)&lt;/script&gt; après, 5 < 10' }),
    })
    expect(res.statusCode).toBe(201)
    expect((res.json() as { title: string }).title).toBe('Avant après, 5 < 10')
  })

  it('in experience posts and comments', async () => {
    const post = await t.host.app.inject({
      method: 'POST',
      url: '/v1/experiences',
      headers: await t.auth('memberA'),
      payload: {
        organisationId: ORG_A,
        title: 'Notre visio <script>document.cookie</script>libre',
        body: `Nous avons choisi **Jitsi**.\n\n${ATTACKS}`,
        themes: ['videoconference'],
        tools: ['jitsi-meet'],
      },
    })
    expect(post.statusCode, post.body).toBe(201)
    const experience = post.json() as { id: string; title: string; bodyHtml: string; excerpt: string }
    expect(experience.title).toBe('Notre visio libre')
    expectInert(experience.bodyHtml)
    expect(experience.excerpt).not.toMatch(/[<>]/)

    const comment = await t.host.app.inject({
      method: 'POST',
      url: `/v1/experiences/${experience.id}/comments`,
      headers: await t.auth('memberB'),
      payload: { body: `Merci ! ${ATTACKS}` },
    })
    expect(comment.statusCode, comment.body).toBe(201)
    const c = comment.json() as { id: string; bodyHtml: string }
    expectInert(c.bodyHtml)
    expect(c.bodyHtml).toContain('Merci')
    const listed = await t.host.app.inject({
      method: 'GET',
      url: `/v1/experiences/${experience.id}/comments`,
    })
    for (const item of (listed.json() as { items: Array<{ bodyHtml: string }> }).items)
      expectInert(item.bodyHtml)
  })

  it('in training descriptions and session places', async () => {
    const res = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: await t.auth('nationalEditor'),
      payload: {
        slug: 'formation-piegee',
        title: '<b>Formation</b> <script>x</script>',
        summary: 'Résumé',
        description: ATTACKS,
        themes: ['security'],
        audience: ['agent'],
        level: 'beginner',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const training = res.json() as { title: string; descriptionHtml: string }
    expect(training.title).toBe('Formation')
    expectInert(training.descriptionHtml)
  })

  it('refuses NUL characters as bad input instead of failing in the database', async () => {
    const search = await t.host.app.inject({ method: 'GET', url: '/v1/resources?q=donn%00ees' })
    expect(search.statusCode).toBe(400)
    expect(search.headers['content-type']).toContain('application/problem+json')
    expect(search.json()).toMatchObject({ code: 'OSI_VALIDATION', errors: [{ field: 'querystring.q' }] })
    const create = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: await t.auth('nationalEditor'),
      payload: draft({ body: 'texte\u0000caché' }),
    })
    expect(create.statusCode).toBe(400)
    expect(create.json()).toMatchObject({ code: 'OSI_VALIDATION', errors: [{ field: 'body.body' }] })
  })
})
