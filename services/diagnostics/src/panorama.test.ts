import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './domain/db.js'
import { DIMENSIONS, type PanoramaFilters } from './domain/panorama.js'
import { defaultReferential } from './domain/referential.js'
import {
  bearer,
  createOrganisation,
  memberToken,
  startTestService,
  submitDiagnostic,
  type TestService,
} from './testing.js'

const K = 3
const v1 = defaultReferential().questionnaire(1)!
const OP_A = uuidv7()
const OP_B = uuidv7()

// Operator A: département 09 (4 under 500, 1 of 500–999), département 31 (3 of 1000–4999).
// Operator B: département 29 (2 under 500) — fewer than k: must never be seen, nor operator B,
// nor anything that would reveal it by difference (operator A, Occitanie, département 31…).
const POPULATION: Array<{
  operator: string
  region: string
  departement: string
  bracket: string
  agenda: 0 | 1
}> = [
  ...[1, 1, 1, 0].map((agenda) => ({
    operator: OP_A,
    region: 'Occitanie',
    departement: '09',
    bracket: 'under-500',
    agenda: agenda as 0 | 1,
  })),
  { operator: OP_A, region: 'Occitanie', departement: '09', bracket: '500-999', agenda: 1 },
  ...[1, 0, 1].map((agenda) => ({
    operator: OP_A,
    region: 'Occitanie',
    departement: '31',
    bracket: '1000-4999',
    agenda: agenda as 0 | 1,
  })),
  ...[0, 1].map((agenda) => ({
    operator: OP_B,
    region: 'Bretagne',
    departement: '29',
    bracket: 'under-500',
    agenda: agenda as 0 | 1,
  })),
]

describe('panorama', () => {
  let env: TestService
  beforeAll(async () => {
    env = await startTestService({ env: { PANORAMA_MIN_GROUP_SIZE: String(K) } })
    const db = env.host.database.db.withSchema(env.schema) as unknown as import('kysely').Kysely<Database>
    await db
      .insertInto('operators')
      .values([
        { id: OP_A, name: 'Syndicat A', departements: JSON.stringify(['09', '31']) },
        { id: OP_B, name: 'Syndicat B', departements: JSON.stringify(['29']) },
      ])
      .execute()
    for (const [i, p] of POPULATION.entries()) {
      const organisationId = uuidv7()
      await db
        .insertInto('organisations')
        .values({
          id: organisationId,
          kind: 'commune',
          official_code: String(10000 + i),
          name: `Commune ${i}`,
          population: null,
          population_bracket: p.bracket,
          departement: p.departement,
          region: p.region,
          epci: null,
          operator_id: p.operator,
          verified: true,
          last_event_id: null,
        })
        .execute()
      await db
        .insertInto('latest_results')
        .values({
          organisation_id: organisationId,
          diagnostic_id: uuidv7(),
          submitted_at: new Date(),
          questionnaire_version: 1,
          operator_id: p.operator,
          region: p.region,
          departement: p.departement,
          population_bracket: p.bracket,
          level: i % 2 ? 'C' : 'D',
          overall_score: 40 + i,
          theme_scores: JSON.stringify({ email: 50 + i, agenda: p.agenda * 100 }),
          lens_scores: JSON.stringify({ sovereignty: 50 }),
          indicators: JSON.stringify({ 'agenda.online': p.agenda }),
        })
        .execute()
    }
  })
  afterAll(async () => {
    await env?.close()
  })

  const get = async (url: string) => env.host.app.inject({ method: 'GET', url })
  const query = (f: PanoramaFilters & { groupBy?: string }) =>
    new URLSearchParams(
      Object.entries(f).filter(([, v]) => v !== undefined) as Array<[string, string]>,
    ).toString()

  it('publishes the whole instance, public, with the national figures alongside', async () => {
    const res = await get('/v1/panorama')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.minGroupSize).toBe(K)
    expect(body.group.published).toBe(true)
    expect(body.group.stats.collectivites).toBe(10)
    // Reproduces the survey's indicator from collected answers: 7 of 10 use an online agenda.
    const agenda = body.group.stats.indicators.find((i: { id: string }) => i.id === 'agenda.online')
    expect(agenda).toEqual({ id: 'agenda.online', value: 70, base: 10 })
    expect(body.indicators.find((i: { id: string }) => i.id === 'agenda.online')).toMatchObject({
      national: 46,
    })
    expect(body.group.stats.overallScore).toBe(44.5)
  })

  it('never publishes a group under the threshold, nor one that would reveal it by difference', async () => {
    for (const f of [
      { operatorId: OP_B },
      { departement: '29' },
      { region: 'Bretagne' },
      { departement: '09', populationBracket: '500-999' },
      // 8 collectivités, but the instance total minus them is operator B's 2.
      { operatorId: OP_A },
      { region: 'Occitanie' },
      // 3 collectivités, but their atom also holds operator B's 2.
      { departement: '31' },
      // 4 of département 09, whose other bracket has 1.
      { departement: '09', populationBracket: 'under-500' },
      { populationBracket: 'under-500' },
      { departement: '75' },
    ]) {
      const res = await get(`/v1/panorama?${query(f)}`)
      expect(res.statusCode, JSON.stringify(f)).toBe(200)
      expect(res.json().group, JSON.stringify(f)).toMatchObject({ published: false, stats: null })
    }
    const dep = (await get('/v1/panorama?departement=09')).json()
    expect(dep.group.published).toBe(true)
    expect(dep.group.stats.collectivites).toBe(5)
  })

  it('lets no combination of filters isolate fewer than k collectivités, in JSON or CSV', async () => {
    const values: Record<string, Array<string | undefined>> = {
      operatorId: [undefined, OP_A, OP_B],
      region: [undefined, 'Occitanie', 'Bretagne'],
      departement: [undefined, '09', '31', '29'],
      populationBracket: [undefined, 'under-500', '500-999', '1000-4999'],
    }
    let combos: PanoramaFilters[] = [{}]
    for (const d of DIMENSIONS)
      combos = combos.flatMap((f) => values[d]!.map((v) => (v ? { ...f, [d]: v } : f)))
    const inGroup = (f: PanoramaFilters) =>
      POPULATION.map((p, i) =>
        (!f.operatorId || p.operator === f.operatorId) &&
        (!f.region || p.region === f.region) &&
        (!f.departement || p.departement === f.departement) &&
        (!f.populationBracket || p.bracket === f.populationBracket)
          ? i
          : -1,
      ).filter((i) => i >= 0)
    const published: Array<Set<number>> = []
    for (const f of combos) {
      const json = (await get(`/v1/panorama?${query(f)}`)).json()
      const csv = (await get(`/v1/panorama.csv?${query(f)}`)).body
      const selection = csv.split('\n').filter((l) => l.startsWith('selection,'))
      expect(selection.length, JSON.stringify(f)).toBe(json.group.published ? 1 : 0)
      if (!json.group.published) continue
      const members = inGroup(f)
      expect(json.group.stats.collectivites).toBe(members.length)
      published.push(new Set(members))
      // Every breakdown row, in JSON and CSV, is itself a published group of at least k.
      for (const d of DIMENSIONS) {
        const by = (await get(`/v1/panorama?${query({ ...f, groupBy: d })}`)).json()
        for (const g of by.breakdown) {
          expect(g.stats.collectivites).toBeGreaterThanOrEqual(K)
          published.push(new Set(inGroup(g.filters)))
        }
      }
    }
    for (const a of published) {
      expect(a.size).toBeGreaterThanOrEqual(K)
      for (const b of published) {
        const difference = [...a].filter((x) => !b.has(x)).length
        if (difference > 0) expect(difference).toBeGreaterThanOrEqual(K)
      }
    }
  })

  it('downloads a CSV with the documented columns and no small group', async () => {
    const res = await get('/v1/panorama.csv')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    const [header, ...rows] = res.body.trim().split('\n')
    const columns = header!.split(',')
    expect(columns.slice(0, 8)).toEqual([
      'scope',
      'operator_id',
      'operator_name',
      'region',
      'departement',
      'population_bracket',
      'collectivites',
      'overall_score_mean',
    ])
    expect(columns).toContain('ind_agenda_online_pct')
    expect(columns).toContain('lens_sovereignty_mean')
    for (const row of rows) expect(row.split(',').length).toBe(columns.length)
    expect(rows[0]!.startsWith('national-2023,')).toBe(true)
    const scopes = rows.map((r) => r.split(',').slice(0, 6).join(','))
    expect(scopes).toContain(`selection,,,,,`)
    expect(scopes).toContain(`by-departement,,,,09,`)
    expect(res.body).not.toContain('Syndicat B')
    expect(res.body).not.toContain(OP_B)
    expect(res.body).not.toContain(',29,')
    expect(res.body).not.toContain(',31,')
    expect(res.body).not.toContain('Bretagne')
    const col = (name: string) => columns.indexOf(name)
    const selection = rows.find((r) => r.startsWith('selection,'))!.split(',')
    expect(selection[col('collectivites')]).toBe('10')
    expect(selection[col('ind_agenda_online_pct')]).toBe('70')
    expect(selection[col('ind_agenda_online_base')]).toBe('10')
  })

  const submitNew = async () => {
    const org = await createOrganisation(env, {
      operatorId: OP_A,
      region: 'Occitanie',
      departement: '09',
      populationBracket: 'under-500',
    })
    const token = await memberToken(env, org.organisationId)
    const id = await submitDiagnostic(env, v1, org.organisationId, token)
    return { id, token }
  }

  it('holds a newly submitted diagnostic until a release includes it among at least k changes', async () => {
    const before = (await get('/v1/panorama?departement=09')).json()
    expect(before.group.stats.collectivites).toBe(5)
    const first = await submitNew()
    // Alone, the newcomer would be the difference between two releases: held.
    const held = (await get('/v1/panorama?departement=09')).json()
    expect(held.release).toEqual(before.release)
    expect(held.group.stats).toEqual(before.group.stats)
    await submitNew()
    expect((await get('/v1/panorama?departement=09')).json().group.stats.collectivites).toBe(5)
    await submitNew()
    // k (3) newcomers: released together, in a new release.
    const after = (await get('/v1/panorama?departement=09')).json()
    expect(after.release.number).toBe(before.release.number + 1)
    expect(after.group.stats.collectivites).toBe(8)
    // Peers of the newcomer come from the release: its département is published.
    const results = (
      await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${first.id}/results`,
        headers: bearer(first.token),
      })
    ).json()
    const peers = Object.fromEntries(
      results.benchmarks.peers.groups.map((g: { group: string }) => [g.group, g]),
    )
    expect(peers.departement).toMatchObject({ published: true, collectivites: 8 })
  })

  it('refuses unknown filters and values with a 400 problem', async () => {
    for (const url of [
      '/v1/panorama?populationBracket=huge',
      '/v1/panorama?operatorId=nope',
      '/v1/panorama.csv?groupBy=mayor',
    ]) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })
})
