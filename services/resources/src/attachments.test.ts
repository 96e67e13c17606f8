import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, startTestService, type TestService } from './testing.js'

const MAX = 2048

/** A multipart/form-data body with one file field. */
function multipart(filename: string, contentType: string, data: Buffer, field = 'file') {
  const boundary = `----osinum${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
)
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)])

async function setupResource(t: TestService, slug: string) {
  const res = await t.host.app.inject({
    method: 'POST',
    url: '/v1/resources',
    headers: await t.auth('nationalEditor'),
    payload: draft({ slug }),
  })
  expect(res.statusCode, res.body).toBe(201)
}

async function upload(
  t: TestService,
  slug: string,
  file: ReturnType<typeof multipart>,
  who: Parameters<TestService['auth']>[0] = 'nationalEditor',
) {
  return t.host.app.inject({
    method: 'POST',
    url: `/v1/resources/${slug}/attachments`,
    headers: { ...(await t.auth(who)), ...file.headers },
    payload: file.payload,
  })
}

describe('attachments in the database (default storage)', () => {
  let t: TestService
  beforeAll(async () => {
    t = await startTestService({ RESOURCES_ATTACHMENT_MAX_BYTES: String(MAX) })
    await setupResource(t, 'avec-fichiers')
  })
  afterAll(async () => {
    await t?.close()
  })

  it('stores an accepted file and serves it back as a download', async () => {
    const res = await upload(t, 'avec-fichiers', multipart('Modèle de registre.pdf', 'application/pdf', PDF))
    expect(res.statusCode, res.body).toBe(201)
    const a = res.json() as { id: string; mimeType: string; sizeBytes: number; url: string; filename: string }
    expect(a).toMatchObject({
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      filename: 'Modèle de registre.pdf',
    })
    expect(a.url).toBe(`https://osinum.test/v1/resources/avec-fichiers/attachments/${a.id}`)
    const stored = await t.db.selectFrom('attachment_blobs').select('key').execute()
    expect(stored).toHaveLength(1)

    const download = await t.host.app.inject({
      method: 'GET',
      url: `/v1/resources/avec-fichiers/attachments/${a.id}`,
      headers: await t.auth('nationalEditor'),
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toMatch(/^attachment; /)
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(download.rawPayload.equals(PDF)).toBe(true)

    const detail = await t.host.app.inject({
      method: 'GET',
      url: '/v1/resources/avec-fichiers',
      headers: await t.auth('nationalEditor'),
    })
    expect(detail.json()).toMatchObject({ attachments: [{ id: a.id, mimeType: 'application/pdf' }] })
    // A draft's files are not public.
    const anonymous = await t.host.app.inject({
      method: 'GET',
      url: `/v1/resources/avec-fichiers/attachments/${a.id}`,
    })
    expect(anonymous.statusCode).toBe(404)
  })

  it('accepts plain CSV text', async () => {
    const res = await upload(
      t,
      'avec-fichiers',
      multipart('equipements.csv', 'text/csv', Buffer.from('nom;adresse\nMairie;1 place\n')),
    )
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ mimeType: 'text/csv; charset=utf-8' })
  })

  it('rejects a file over the limit with a problem', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX)])
    const res = await upload(t, 'avec-fichiers', multipart('gros.pdf', 'application/pdf', big))
    expect(res.statusCode).toBe(413)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'OSI_RESOURCES_ATTACHMENT_TOO_LARGE' })
  })

  it.each([
    ['a program renamed .pdf', 'facture.pdf', 'application/pdf', EXE],
    [
      'a web page renamed .pdf',
      'page.pdf',
      'application/pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    ],
    [
      'an SVG image (can carry scripts)',
      'logo.svg',
      'image/svg+xml',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ],
    ['a PNG pretending to be a PDF', 'image.pdf', 'application/pdf', PNG],
    [
      'an HTML page named .txt',
      'notes.txt',
      'text/plain',
      Buffer.from('<html><body><script>alert(1)</script></body></html>'),
    ],
    ['an unknown binary', 'data.bin', 'application/octet-stream', Buffer.from([0, 1, 2, 3, 4, 5, 0, 255])],
  ])('rejects %s, whatever its declared type', async (_name, filename, type, data) => {
    const res = await upload(t, 'avec-fichiers', multipart(filename, type, data))
    expect(res.statusCode, res.body).toBe(415)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'OSI_RESOURCES_ATTACHMENT_TYPE_REFUSED' })
  })

  it('refuses a request that is not multipart, or without a file', async () => {
    const json = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources/avec-fichiers/attachments',
      headers: await t.auth('nationalEditor'),
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(415)
    expect(json.json()).toMatchObject({ code: 'OSI_RESOURCES_NOT_MULTIPART' })
    const wrongField = await upload(
      t,
      'avec-fichiers',
      multipart('a.pdf', 'application/pdf', PDF, 'document'),
    )
    expect(wrongField.statusCode).toBe(422)
    expect(wrongField.json()).toMatchObject({ code: 'OSI_RESOURCES_ATTACHMENT_MISSING' })
  })

  it("lets only the resource's editors attach files", async () => {
    const member = await upload(t, 'avec-fichiers', multipart('a.pdf', 'application/pdf', PDF), 'memberA')
    expect(member.statusCode).toBe(403)
    const otherOperator = await upload(
      t,
      'avec-fichiers',
      multipart('a.pdf', 'application/pdf', PDF),
      'editorB',
    )
    expect([403, 404]).toContain(otherOperator.statusCode)
    const anonymous = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources/avec-fichiers/attachments',
    })
    expect(anonymous.statusCode).toBe(401)
  })

  it('removes an attachment and its bytes', async () => {
    const res = await upload(t, 'avec-fichiers', multipart('image.png', 'image/png', PNG))
    expect(res.statusCode, res.body).toBe(201)
    const { id } = res.json() as { id: string }
    const before = (await t.db.selectFrom('attachment_blobs').select('key').execute()).length
    const del = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/resources/avec-fichiers/attachments/${id}`,
      headers: await t.auth('nationalEditor'),
    })
    expect(del.statusCode).toBe(204)
    expect((await t.db.selectFrom('attachment_blobs').select('key').execute()).length).toBe(before - 1)
  })
})

/** The smallest S3 that the AWS SDK accepts (path-style PUT/GET/DELETE), on loopback. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>()
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const key = decodeURIComponent((req.url ?? '').split('?')[0]!)
      requests.push(
        `${req.method} ${key} ${req.headers.authorization?.startsWith('AWS4-HMAC-SHA256') ? 'signed' : 'unsigned'}`,
      )
      if (req.method === 'PUT') {
        objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers['content-type'] ?? '') })
        res.writeHead(200, { etag: '"1"' }).end()
      } else if (req.method === 'GET') {
        const o = objects.get(key)
        if (!o) {
          res
            .writeHead(404, { 'content-type': 'application/xml' })
            .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>no</Message></Error>')
          return
        }
        res.writeHead(200, { 'content-type': o.type, 'content-length': o.body.length }).end(o.body)
      } else if (req.method === 'DELETE') {
        objects.delete(key)
        res.writeHead(204).end()
      } else res.writeHead(405).end()
    })
  })
  return { server, objects, requests }
}

describe('attachments in S3-compatible storage (when configured)', () => {
  let t: TestService
  const s3 = fakeS3()
  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve))
    const { port } = s3.server.address() as AddressInfo
    t = await startTestService({
      RESOURCES_ATTACHMENT_MAX_BYTES: String(MAX),
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'osinum-test',
      S3_ACCESS_KEY_ID: 'test-key',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    })
    await setupResource(t, 'dans-s3')
  })
  afterAll(async () => {
    await t?.close()
    await new Promise((resolve) => s3.server.close(resolve))
  })

  it('puts the bytes in the bucket (signed requests), not in the database, and reads them back', async () => {
    const res = await upload(t, 'dans-s3', multipart('guide.pdf', 'application/pdf', PDF))
    expect(res.statusCode, res.body).toBe(201)
    const { id } = res.json() as { id: string }
    expect(await t.db.selectFrom('attachment_blobs').select('key').execute()).toHaveLength(0)
    const row = await t.db
      .selectFrom('attachments')
      .select(['storage', 'storage_key'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.storage).toBe('s3')
    const object = s3.objects.get(`/osinum-test/${row.storage_key}`)
    expect(object?.body.equals(PDF)).toBe(true)
    expect(object?.type).toBe('application/pdf')
    expect(s3.requests.every((r) => r.endsWith('signed'))).toBe(true)

    const download = await t.host.app.inject({
      method: 'GET',
      url: `/v1/resources/dans-s3/attachments/${id}`,
      headers: await t.auth('nationalEditor'),
    })
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(PDF)).toBe(true)

    const del = await t.host.app.inject({
      method: 'DELETE',
      url: `/v1/resources/dans-s3/attachments/${id}`,
      headers: await t.auth('nationalEditor'),
    })
    expect(del.statusCode).toBe(204)
    expect(s3.objects.size).toBe(0)
  })

  it('still checks size and type before anything reaches the bucket', async () => {
    const puts = s3.requests.filter((r) => r.startsWith('PUT')).length
    const big = await upload(
      t,
      'dans-s3',
      multipart('gros.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(MAX)])),
    )
    expect(big.statusCode).toBe(413)
    const exe = await upload(t, 'dans-s3', multipart('x.pdf', 'application/pdf', EXE))
    expect(exe.statusCode).toBe(415)
    expect(s3.requests.filter((r) => r.startsWith('PUT')).length).toBe(puts)
  })
})
