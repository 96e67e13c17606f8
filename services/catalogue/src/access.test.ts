import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM, startTestService, type TestService } from './testing.js'

const COMMUNE = '0193a000-0000-7000-8000-0000000b0021'
const OTHER_COMMUNE = '0193a000-0000-7000-8000-0000000b0022'
const SOME_ID = '0193a000-0000-7000-8000-0000000ffff1'

interface Operation {
  method: string
  path: string
  url: string
  editorsOnly: boolean
}

describe('catalogue access control', () => {
  let t: TestService
  let member: string
  let operations: Operation[]
  const call = (op: { method: string; url: string }, token?: string, payload: unknown = {}) =>
    t.host.app.inject({
      method: op.method as 'GET',
      url: op.url,
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: payload as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    member = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0031',
      orgs: [{ id: COMMUNE, role: 'agent' }],
    })
    // Every operation of the OpenAPI document, with the access its route declares.
    const doc = (await t.host.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown; operationId: string }>>
    }
    operations = []
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        if (!op.security) continue
        const url = path
          .replace('{slug}', 'nextcloud')
          .replace('{key}', 'cle')
          .replace('{id}', SOME_ID)
          .replace('{offerId}', SOME_ID)
        const query = path === '/v1/tool-usages' && method === 'get' ? `?organisationId=${COMMUNE}` : ''
        operations.push({ method: method.toUpperCase(), path, url: url + query, editorsOnly: false })
      }
    const editorOnly = new Set([
      'POST /v1/tools',
      'PATCH /v1/tools/{slug}',
      'GET /v1/tools/{slug}/history',
      'PUT /v1/tools/{slug}/attributes/{key}',
      'DELETE /v1/tools/{slug}/attributes/{key}',
      'POST /v1/criteria',
      'PATCH /v1/criteria/{key}',
      'DELETE /v1/criteria/{key}',
      'POST /v1/providers',
      'PATCH /v1/providers/{slug}',
      'DELETE /v1/providers/{slug}',
      'POST /v1/providers/{slug}/offers',
      'PATCH /v1/providers/{slug}/offers/{offerId}',
      'DELETE /v1/providers/{slug}/offers/{offerId}',
      'POST /v1/operator-offers',
      'PATCH /v1/operator-offers/{id}',
      'DELETE /v1/operator-offers/{id}',
      'GET /v1/reviews',
      'POST /v1/reviews/{id}/moderation',
      'POST /v1/catalogue/imports',
      'GET /v1/catalogue/imports',
    ])
    for (const op of operations) op.editorsOnly = editorOnly.has(`${op.method} ${op.path}`)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('documents the expected protected operations', () => {
    const listed = operations.map((o) => `${o.method} ${o.path}`)
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /v1/tools',
        'POST /v1/tool-usages',
        'GET /v1/tool-usages',
        'DELETE /v1/tool-usages/{id}',
        'POST /v1/tools/{slug}/reviews',
        'POST /v1/tools/{slug}/contact',
        'POST /v1/reviews/{id}/reports',
        'DELETE /v1/reviews/{id}',
        'POST /v1/catalogue/imports',
      ]),
    )
    expect(operations.filter((o) => o.editorsOnly)).toHaveLength(21)
  })

  it('answers 401 problem+json to anonymous calls on every protected route', async () => {
    for (const op of operations) {
      const res = await call(op)
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.json().code).toBe('OSI_UNAUTHORIZED')
    }
  })

  it('answers 401 to an invalid or expired token, even on public routes', async () => {
    const bad = await t.host.app.inject({
      method: 'GET',
      url: '/v1/tools',
      headers: { authorization: 'Bearer abc.def.ghi' },
    })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().code).toBe('OSI_INVALID_TOKEN')
  })

  it('answers 403 to members calling an editors-only route', async () => {
    for (const op of operations.filter((o) => o.editorsOnly)) {
      const res = await call(op, member)
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403)
      expect(res.headers['content-type']).toMatch(PROBLEM)
    }
  })

  it('answers 403/404 when a member acts for a collectivité that is not theirs', async () => {
    const asOther = [
      {
        method: 'POST',
        url: '/v1/tool-usages',
        body: { toolSlug: 'nextcloud', organisationId: OTHER_COMMUNE, status: 'uses' },
      },
      { method: 'GET', url: `/v1/tool-usages?organisationId=${OTHER_COMMUNE}` },
      {
        method: 'POST',
        url: '/v1/tools/nextcloud/reviews',
        body: { organisationId: OTHER_COMMUNE, rating: 5, text: 'Un avis pour une autre commune.' },
      },
      {
        method: 'POST',
        url: '/v1/tools/nextcloud/contact',
        body: {
          fromOrganisationId: OTHER_COMMUNE,
          toOrganisationId: COMMUNE,
          message: 'Bonjour à vous tous.',
        },
      },
    ]
    for (const op of asOther) {
      const res = await call(op, member, op.body)
      expect(res.statusCode, op.url).toBe(403)
      expect(res.json().code).toBe('OSI_CATALOGUE_NOT_MEMBER')
    }
    // Someone else's declaration or review: not found, its existence is not disclosed.
    const other = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0032',
      orgs: [{ id: OTHER_COMMUNE, role: 'agent' }],
    })
    const declared = await call({ method: 'POST', url: '/v1/tool-usages' }, other, {
      toolSlug: 'nextcloud',
      organisationId: OTHER_COMMUNE,
      status: 'uses',
    })
    expect(declared.statusCode).toBe(201)
    const withdraw = await call({ method: 'DELETE', url: `/v1/tool-usages/${declared.json().id}` }, member)
    expect(withdraw.statusCode).toBe(404)
    expect(withdraw.headers['content-type']).toMatch(PROBLEM)
    const review = await call({ method: 'POST', url: '/v1/tools/nextcloud/reviews' }, other, {
      organisationId: OTHER_COMMUNE,
      rating: 3,
      text: 'Un avis de l’autre commune.',
    })
    expect(review.statusCode).toBe(201)
    expect(
      (await call({ method: 'DELETE', url: `/v1/reviews/${review.json().id}` }, member)).statusCode,
    ).toBe(404)
    expect((await call({ method: 'DELETE', url: `/v1/reviews/${review.json().id}` }, other)).statusCode).toBe(
      204,
    )
    expect(
      (await call({ method: 'DELETE', url: `/v1/tool-usages/${declared.json().id}` }, other)).statusCode,
    ).toBe(204)
  })

  it('serves public routes to anonymous visitors', async () => {
    for (const url of [
      '/v1/tools',
      '/v1/tools/nextcloud',
      '/v1/tools/compare?slugs=nextcloud,jitsi-meet',
      '/v1/tools/nextcloud/usages',
      '/v1/tools/nextcloud/reviews',
      '/v1/categories',
      '/v1/criteria',
      '/v1/providers',
      '/v1/operator-offers',
      '/v1/catalogue/export.json',
      '/v1/catalogue/export.csv',
    ])
      expect((await t.host.app.inject({ method: 'GET', url })).statusCode, url).toBe(200)
  })
})
