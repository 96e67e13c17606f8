import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultReferential } from './domain/referential.js'
import { pdfText } from './domain/report.js'
import {
  bearer,
  completeAnswers,
  createOrganisation,
  memberToken,
  patchBody,
  startTestService,
  type TestService,
} from './testing.js'

const v1 = defaultReferential().questionnaire(1)!
const flat = (s: string) => s.replace(/\s+/g, ' ').trim()

// The metrics of the 14 standard fonts (Helvetica…) the report uses, shipped with pdf.js.
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

/** The pages and text of a PDF, read by Mozilla's pdf.js (the reader of Firefox). */
async function readPdf(data: Buffer): Promise<{ numpages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(data), standardFontDataUrl }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    )
  }
  await doc.destroy()
  return { numpages: doc.numPages, text: pages.join('\n') }
}

describe('diagnostic report', () => {
  let env: TestService
  let id: string
  let token: string
  beforeAll(async () => {
    env = await startTestService()
    const org = await createOrganisation(env, { name: 'Saint-Étienne-de-Lœuvre-en-Bréchaux' })
    token = await memberToken(env, org.organisationId)
    id = (
      await env.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(token),
        payload: { organisationId: org.organisationId },
      })
    ).json().id
    // Realistic weak answers, so that there are priorities and an annex.
    const answers = completeAnswers(
      v1,
      (q) =>
        ({
          'data-storage.locations': ['usb-key', 'local-disk'],
          'security.usb-encryption': 'no',
          'data-storage.backup-frequency': 'rarely',
          'data-storage.backup-offsite': 'no',
          'security.passwords': 'written-down',
          'agenda.online': 'no',
          'email.custom-address': 'personal-address',
          'gdpr.dpo': 'no',
          'open-source.office-suite': 'microsoft-365',
          'governance.training-wishes': ['gdpr', 'open-data'],
        })[q],
    )
    await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: patchBody(v1, answers),
    })
    const submitted = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${id}/submit`,
      headers: bearer(token),
    })
    expect(submitted.statusCode).toBe(200)
  })
  afterAll(async () => {
    await env?.close()
  })

  it('is a valid PDF holding the collectivité’s name and its priority measures', async () => {
    const json = await env.host.app.inject({
      method: 'GET',
      url: `/v1/diagnostics/${id}/report`,
      headers: bearer(token),
    })
    expect(json.statusCode).toBe(200)
    const report = json.json()
    expect(report.results.priorities.length).toBe(5)
    expect(report.results.annex.length).toBeGreaterThan(0)

    const res = await env.host.app.inject({
      method: 'GET',
      url: `/v1/diagnostics/${id}/report.pdf`,
      headers: bearer(token),
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const parsed = await readPdf(res.rawPayload)
    expect(parsed.numpages).toBeGreaterThanOrEqual(4)
    const text = flat(parsed.text)
    expect(text).toContain('Saint-Étienne-de-Lœuvre-en-Bréchaux')
    for (const m of report.results.priorities) expect(text).toContain(flat(pdfText(m.title)))
    for (const m of report.results.annex) expect(text).toContain(flat(pdfText(m.title)))
    expect(text).toContain('Vos scores par thème')
    expect(text).toContain('Souveraineté')
    expect(text).toContain('enquête nationale 2023')
    // The national comparison, in French: "46 % des répondants utilisent un agenda nominatif en ligne ; vous pas encore."
    expect(text).toContain('des répondants utilisent un agenda nominatif en ligne ; vous pas encore')
  })

  it('answers 409 for the report of a draft', async () => {
    const org = await createOrganisation(env)
    const member = await memberToken(env, org.organisationId)
    const draft = (
      await env.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(member),
        payload: { organisationId: org.organisationId },
      })
    ).json().id
    for (const url of [`/v1/diagnostics/${draft}/report.pdf`, `/v1/diagnostics/${draft}/results`]) {
      const res = await env.host.app.inject({ method: 'GET', url, headers: bearer(member) })
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe('OSI_DIAGNOSTICS_NOT_SUBMITTED')
    }
  })
})
