import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, seedOrganisations, startTestService, type TestService } from './testing.js'

type Operation = {
  operationId: string
  security?: unknown[]
  tags?: string[]
  responses?: Record<string, unknown>
  'x-osinum-service'?: string
}

/** Routes that need a platform role (the rest of the protected ones need a signed-in person). */
const EDITOR_ONLY = [
  'listContentReports',
  'resolveContentReport',
  'createTraining',
  'updateTraining',
  'deleteTraining',
  'createTrainingSession',
  'updateTrainingSession',
  'deleteTrainingSession',
  'listSessionRegistrations',
  'moderateExperience',
  'moderateComment',
]
const STAFF_ONLY = [
  'createResource',
  'updateResource',
  'deleteResource',
  'transitionResource',
  'resourceHistory',
  'uploadResourceAttachment',
  'deleteResourceAttachment',
]

describe('access control on every route', () => {
  let t: TestService
  let operations: Array<{ method: string; url: string; op: Operation }>

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
    const doc = (t.host.app as unknown as { swagger(): unknown }).swagger() as {
      paths: Record<string, Record<string, Operation>>
    }
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op['x-osinum-service'] === 'resources')
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          url: path.replace('{slug}', 'une-ressource').replace('{id}', randomUUID()),
          op,
        })),
    )
  })
  afterAll(async () => {
    await t?.close()
  })

  const send = (method: string, url: string, headers: Record<string, string> = {}) =>
    t.host.app.inject({
      method: method as 'GET',
      url,
      headers,
      payload: method === 'GET' || method === 'DELETE' ? undefined : {},
    })

  it('documents every operation with a tag, a unique operationId and responses', () => {
    expect(operations.length).toBeGreaterThanOrEqual(45)
    const ids = operations.map((o) => o.op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { op } of operations) {
      expect(op.tags).toEqual(['resources'])
      expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0)
    }
    for (const id of [...EDITOR_ONLY, ...STAFF_ONLY]) expect(ids).toContain(id)
  })

  it('answers 401 problem+json to anonymous callers of each protected route', async () => {
    const protectedOps = operations.filter((o) => o.op.security?.length)
    expect(protectedOps.length).toBeGreaterThanOrEqual(35)
    for (const { method, url, op } of protectedOps) {
      const res = await send(method, url)
      expect(res.statusCode, `${op.operationId} ${method} ${url}`).toBe(401)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.headers['www-authenticate']).toBe('Bearer')
    }
  })

  it('answers 401 to a forged or expired token, even on public routes', async () => {
    const forged = { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }
    expect((await send('GET', '/v1/resources', forged)).statusCode).toBe(401)
    const expired = await t.authAs(randomUUID(), { sub: '', expiresIn: '-1m' } as never)
    expect((await send('GET', '/v1/collections', expired)).statusCode).toBe(401)
    const notUuid = await t.authAs('not-a-uuid')
    expect((await send('GET', '/v1/collections', notUuid)).statusCode).toBe(401)
  })

  it('answers 403 to signed-in people without the role', async () => {
    const member = await t.auth('memberA')
    const advisor = await t.auth('advisorA')
    for (const { method, url, op } of operations) {
      if (EDITOR_ONLY.includes(op.operationId)) {
        for (const headers of [member, advisor]) {
          const res = await send(method, url, headers)
          expect(res.statusCode, `${op.operationId}`).toBe(403)
          expect(res.json()).toMatchObject({ code: 'OSI_FORBIDDEN' })
        }
      }
      if (STAFF_ONLY.includes(op.operationId)) {
        const res = await send(method, url, member)
        expect(res.statusCode, `${op.operationId}`).toBe(403)
      }
    }
  })

  it("answers 404 to people who touch someone else's registration, collection, post or comment", async () => {
    const editor = await t.auth('nationalEditor')
    await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings',
      headers: editor,
      payload: {
        slug: 'acces',
        title: 'Formation',
        summary: 's',
        description: 'd',
        themes: ['gdpr'],
        audience: ['agent'],
        level: 'beginner',
      },
    })
    const session = await t.host.app.inject({
      method: 'POST',
      url: '/v1/trainings/acces/sessions',
      headers: editor,
      payload: {
        startsAt: '2027-02-01T10:00',
        endsAt: '2027-02-01T12:00',
        mode: 'in-person',
        place: 'Salle',
        capacity: 5,
      },
    })
    const sessionId = (session.json() as { id: string }).id
    const owner = await t.auth('memberA')
    const other = await t.auth('memberB')
    const reg = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: owner,
      payload: { sessionId },
    })
    const regId = (reg.json() as { id: string }).id
    const collection = await t.host.app.inject({
      method: 'POST',
      url: '/v1/collections',
      headers: owner,
      payload: { name: 'Mes favoris' },
    })
    const collectionId = (collection.json() as { id: string }).id
    const exp = await t.host.app.inject({
      method: 'POST',
      url: '/v1/experiences',
      headers: owner,
      payload: { title: 'Notre retour', body: 'Texte' },
    })
    const expId = (exp.json() as { id: string }).id
    const comment = await t.host.app.inject({
      method: 'POST',
      url: `/v1/experiences/${expId}/comments`,
      headers: owner,
      payload: { body: 'Mon commentaire' },
    })
    const commentId = (comment.json() as { id: string }).id
    await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: editor,
      payload: draft({ slug: 'brouillon' }),
    })

    for (const [method, url, codes] of [
      ['GET', `/v1/registrations/${regId}`, [404]],
      ['DELETE', `/v1/registrations/${regId}`, [404]],
      ['GET', `/v1/collections/${collectionId}`, [404]],
      ['PATCH', `/v1/collections/${collectionId}`, [404]],
      ['DELETE', `/v1/collections/${collectionId}`, [404]],
      ['PATCH', `/v1/experiences/${expId}`, [403]],
      ['DELETE', `/v1/experiences/${expId}`, [403]],
      ['DELETE', `/v1/comments/${commentId}`, [403]],
      ['GET', '/v1/resources/brouillon', [404]],
    ] as const) {
      const res = await t.host.app.inject({
        method,
        url,
        headers: other,
        ...(method === 'PATCH'
          ? { payload: url.includes('collections') ? { name: 'x' } : { title: 'xxx' } }
          : {}),
      })
      expect(codes as readonly number[], `${method} ${url}: ${res.body}`).toContain(res.statusCode)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    expect(
      (await t.host.app.inject({ method: 'GET', url: `/v1/registrations/${regId}`, headers: owner }))
        .statusCode,
    ).toBe(200)
  })
})
