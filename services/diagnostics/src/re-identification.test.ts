import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './domain/db.js'
import { Panorama } from './domain/panorama.js'
import { minimumCut } from './domain/panorama-release.js'
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
/** The indicator an attacker wants to learn for a victim: "uses an online agenda". */
const AGENDA = 'agenda.online'

interface PanoramaBody {
  release: { number: number; publishedAt: string } | null
  group: {
    published: boolean
    stats: null | {
      collectivites: number
      overallScore: number
      indicators: Array<{ id: string; value: number | null; base: number | null }>
    }
  }
}

describe('statistics that resist re-identification (panorama, peers)', () => {
  let env: TestService
  let db: Kysely<Database>
  const OP = uuidv7()
  const area = { operatorId: OP, region: '75', departement: '23', populationBracket: '500-999' as const }

  beforeAll(async () => {
    env = await startTestService({ env: { PANORAMA_MIN_GROUP_SIZE: String(K) } })
    db = env.host.database.db.withSchema(env.schema) as unknown as Kysely<Database>
    await db
      .insertInto('operators')
      .values({ id: OP, name: 'Syndicat de la Creuse', departements: JSON.stringify(['23']) })
      .execute()
  })
  afterAll(async () => {
    await env?.close()
  })

  const panorama = async (query = ''): Promise<PanoramaBody> =>
    (await env.host.app.inject({ method: 'GET', url: `/v1/panorama${query}` })).json()
  const AREA = `?departement=23&populationBracket=500-999`

  /** A collectivité (verified or pending) of the area submits a diagnostic, online agenda or not. */
  async function submit(verification: 'verified' | 'pending', agenda: boolean) {
    const org = await createOrganisation(env, { ...area, verification })
    const token = await memberToken(env, org.organisationId)
    const id = await submitDiagnostic(env, v1, org.organisationId, token, (q) =>
      q === AGENDA ? (agenda ? 'yes' : 'no') : undefined,
    )
    return { organisationId: org.organisationId, id, token }
  }

  it('fake-commune re-identification fails: fake (pending) communes with known answers neither complete a group nor move a figure', async () => {
    // The victim, a real verified commune, alone in its area.
    const victim = await submit('verified', false)
    // The attacker's k - 1 (and more) fake communes, all with the same known answers.
    for (let i = 0; i < 2 * K; i++) await submit('pending', true)
    const group = await panorama(AREA)
    // With the fakes counted, the group would reach k and fakes could be subtracted: it is not published.
    expect(group.group.published).toBe(false)
    expect(group.release).toBeNull()
    // The victim's own peers do not count them either.
    const results = (
      await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${victim.id}/results`,
        headers: bearer(victim.token),
      })
    ).json()
    expect(results.benchmarks.peers.groups.every((g: { published: boolean }) => !g.published)).toBe(true)
    const counted = await db.selectFrom('panorama_contributions').select('organisation_id').execute()
    expect(counted).toEqual([])
  })

  it('a pending claimant’s diagnostic is excluded from the panorama and the peers', async () => {
    const verified = [await submit('verified', true), await submit('verified', true)]
    // With the victim of the previous test: k verified communes, a first release.
    const first = await panorama(AREA)
    expect(first.release?.number).toBe(1)
    expect(first.group.stats?.collectivites).toBe(K)
    const pending = await submit('pending', true)
    const again = await panorama(AREA)
    expect(again.group.stats).toEqual(first.group.stats)
    const results = (
      await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${pending.id}/results`,
        headers: bearer(pending.token),
      })
    ).json()
    const byDepartement = results.benchmarks.peers.groups.find(
      (g: { group: string }) => g.group === 'departement',
    )
    expect(byDepartement).toMatchObject({ published: true, collectivites: K })
    expect(verified).toHaveLength(2)
  })

  it('snapshot differencing learns nothing below k: a newcomer is held until k changes can be released together', async () => {
    const before = await panorama(AREA)
    const agendaBefore = before.group.stats!.indicators.find((i) => i.id === AGENDA)!
    // The victim submits: comparing the releases before and after must not reveal its answers.
    await submit('verified', false)
    const after = await panorama(AREA)
    expect(after.release).toEqual(before.release)
    expect(after.group.stats).toEqual(before.group.stats)
    // Two more (k changes in all): one new release, differing by k collectivités at once.
    await submit('verified', true)
    await submit('verified', false)
    const next = await panorama(AREA)
    expect(next.release!.number).toBe(before.release!.number + 1)
    expect(next.group.stats!.collectivites - before.group.stats!.collectivites).toBe(K)
    const agendaNext = next.group.stats!.indicators.find((i) => i.id === AGENDA)!
    // What the difference tells: among 3 newcomers, 1 uses an online agenda — not which one.
    const hitsBefore = Math.round((agendaBefore.value! * agendaBefore.base!) / 100)
    const hitsNext = Math.round((agendaNext.value! * agendaNext.base!) / 100)
    expect(agendaNext.base! - agendaBefore.base!).toBe(K)
    expect(hitsNext - hitsBefore).toBe(1)
    // Every pair of consecutive releases differs by 0 or at least k contributions.
    const releases = await db
      .selectFrom('panorama_releases')
      .select(['number', 'contributions'])
      .orderBy('number')
      .execute()
    for (let i = 1; i < releases.length; i++) {
      const moved = Math.abs(releases[i]!.contributions - releases[i - 1]!.contributions)
      expect(moved === 0 || moved >= K).toBe(true)
    }
  })

  it('removals that two releases could combine to isolate fewer than k are held (exact minimum cut, not a count of changes)', async () => {
    // A fresh panorama over its own table state: release 1 with A1..A3, release 2 adds B1..B3.
    const isolated = await startTestService({ env: { PANORAMA_MIN_GROUP_SIZE: String(K) } })
    try {
      const idb = isolated.host.database.db.withSchema(isolated.schema) as unknown as Kysely<Database>
      const q = new Panorama(idb, { minGroupSize: K, indicators: defaultReferential().indicators(1) })
      const add = async (score: number) => {
        const organisationId = uuidv7()
        await publishTestEvent(isolated.host, IdentityEvents.OrganisationCreated, organisationId, {
          organisationId,
          kind: 'commune',
          officialCode: '23999',
          name: `Commune ${score}`,
          population: 600,
          populationBracket: '500-999',
          departement: '23',
          region: '75',
          epci: null,
          operatorId: null,
          verification: 'verified',
        })
        await waitFor(() =>
          idb.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst(),
        )
        await idb
          .insertInto('latest_results')
          .values({
            organisation_id: organisationId,
            diagnostic_id: uuidv7(),
            submitted_at: new Date(),
            questionnaire_version: 1,
            operator_id: null,
            region: '75',
            departement: '23',
            population_bracket: '500-999',
            level: 'C',
            overall_score: score,
            theme_scores: JSON.stringify({}),
            lens_scores: JSON.stringify({}),
            indicators: JSON.stringify({}),
          })
          .execute()
        return organisationId
      }
      const unverify = (ids: string[]) =>
        idb.updateTable('organisations').set({ verified: false }).where('id', 'in', ids).execute()
      const A = [await add(10), await add(20), await add(30)]
      expect((await q.release()).number).toBe(1)
      const B = [await add(40), await add(50), await add(60)]
      expect((await q.release()).number).toBe(2)
      // Three removals (k changes) — but B1, B2 entered and leave together: release 1 minus the
      // last one would then isolate B3 minus A1. Held.
      await unverify([B[0]!, B[1]!, A[0]!])
      expect(await q.release()).toEqual({ number: null, held: 3 })
      expect((await q.current()).release).toBe(2)
      // The same removals plus enough other changes are released.
      await add(70)
      await add(80)
      await add(90)
      expect((await q.release()).number).toBe(3)
    } finally {
      await isolated.close()
    }
  })

  it('the minimum cut is exact (Stoer–Wagner) on small graphs', () => {
    // Two triangles joined by one edge of weight 0.5.
    const edges: Array<[number, number, number]> = [
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
      [3, 4, 1],
      [4, 5, 1],
      [3, 5, 1],
      [2, 3, 0.5],
    ]
    const cut = minimumCut(6, edges)
    expect(cut.weight).toBe(0.5)
    expect([...cut.side].sort()).toSatisfy((s: number[]) => s.join() === '0,1,2' || s.join() === '3,4,5')
    expect(minimumCut(2, []).weight).toBe(Number.POSITIVE_INFINITY)
  })
})
