import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { OrganisationKind } from '@osinum/contracts'

/**
 * French administrative data (communes with population and postcodes, EPCI, départements,
 * régions) from `@etalab/decoupage-administratif`. Its JSON files (~12 MB) are read once, on
 * first use, and only the fields identity needs are kept (see bench/identity-official-data.mjs
 * for the time and memory it costs).
 */
export interface OfficialFacts {
  kind: Exclude<OrganisationKind, 'syndicat'>
  officialCode: string
  name: string
  population: number | null
  departement: string | null
  departementName: string | null
  region: string | null
  regionName: string | null
  epci: string | null
  epciName: string | null
  postcodes: string[]
  /** SIREN of the collectivité itself (communes: INSEE↔SIREN table of the dataset; EPCI: its code). */
  siren: string | null
}

interface SearchEntry {
  facts: OfficialFacts
  /** Normalised name: lower case, no accents, words separated by one space. */
  words: string[]
  norm: string
}

export interface OfficialData {
  get(kind: OfficialFacts['kind'], code: string): OfficialFacts | undefined
  search(q: string, options?: { kind?: OfficialFacts['kind'] | undefined; limit?: number }): OfficialFacts[]
  counts: Record<OfficialFacts['kind'], number>
}

interface RawCommune {
  code: string
  nom: string
  type: string
  departement: string
  region: string
  codesPostaux?: string[]
  population?: number
  siren?: string
}
interface RawEpci {
  code: string
  nom: string
  populationMunicipale?: number
  membres: Array<{ code: string; siren?: string }>
}
interface RawArea {
  code: string
  nom: string
  region?: string
}

const WORD_ALIASES: Record<string, string> = { saint: 'st', sainte: 'ste', saints: 'sts', saintes: 'stes' }

/** Accent- and case-insensitive form used on both sides of a search. */
export function normalise(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => WORD_ALIASES[w] ?? w)
}

const require = createRequire(import.meta.url)
async function readData<T>(file: string): Promise<T> {
  return JSON.parse(
    await readFile(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'),
  ) as T
}

function build(raw: {
  communes: RawCommune[]
  epcis: RawEpci[]
  departements: RawArea[]
  regions: RawArea[]
}): OfficialData {
  const regions = new Map(raw.regions.map((r) => [r.code, r.nom]))
  const departements = new Map(
    raw.departements.map((d) => [d.code, { name: d.nom, region: d.region ?? null }]),
  )
  const epciOf = new Map<string, RawEpci>()
  const memberSiren = new Map<string, string>()
  for (const e of raw.epcis)
    for (const m of e.membres) {
      epciOf.set(m.code, e)
      if (m.siren) memberSiren.set(m.code, m.siren)
    }

  const byKind = {
    commune: new Map<string, OfficialFacts>(),
    epci: new Map<string, OfficialFacts>(),
    departement: new Map<string, OfficialFacts>(),
    region: new Map<string, OfficialFacts>(),
  }
  const depPopulation = new Map<string, number>()
  const regPopulation = new Map<string, number>()
  const epciDepartements = new Map<string, Map<string, number>>()

  for (const c of raw.communes) {
    if (c.type !== 'commune-actuelle') continue
    const epci = epciOf.get(c.code)
    const population = typeof c.population === 'number' ? c.population : null
    byKind.commune.set(c.code, {
      kind: 'commune',
      officialCode: c.code,
      name: c.nom,
      population,
      departement: c.departement,
      departementName: departements.get(c.departement)?.name ?? null,
      region: c.region,
      regionName: regions.get(c.region) ?? null,
      epci: epci?.code ?? null,
      epciName: epci?.nom ?? null,
      postcodes: c.codesPostaux ?? [],
      siren: c.siren ?? memberSiren.get(c.code) ?? null,
    })
    depPopulation.set(c.departement, (depPopulation.get(c.departement) ?? 0) + (population ?? 0))
    regPopulation.set(c.region, (regPopulation.get(c.region) ?? 0) + (population ?? 0))
    if (epci) {
      const deps = epciDepartements.get(epci.code) ?? new Map<string, number>()
      deps.set(c.departement, (deps.get(c.departement) ?? 0) + 1)
      epciDepartements.set(epci.code, deps)
    }
  }
  for (const e of raw.epcis) {
    // An EPCI may straddle départements: it is placed in the one most of its communes are in.
    const deps = [...(epciDepartements.get(e.code) ?? new Map()).entries()].sort((a, b) => b[1] - a[1])
    const dep = deps[0]?.[0] ?? null
    const region = dep ? (departements.get(dep)?.region ?? null) : null
    byKind.epci.set(e.code, {
      kind: 'epci',
      officialCode: e.code,
      name: e.nom,
      population: e.populationMunicipale ?? null,
      departement: dep,
      departementName: dep ? (departements.get(dep)?.name ?? null) : null,
      region,
      regionName: region ? (regions.get(region) ?? null) : null,
      epci: null,
      epciName: null,
      postcodes: [],
      siren: e.code,
    })
  }
  for (const [code, d] of departements)
    byKind.departement.set(code, {
      kind: 'departement',
      officialCode: code,
      name: d.name,
      population: depPopulation.get(code) ?? null,
      departement: code,
      departementName: d.name,
      region: d.region,
      regionName: d.region ? (regions.get(d.region) ?? null) : null,
      epci: null,
      epciName: null,
      postcodes: [],
      siren: null,
    })
  for (const [code, name] of regions)
    byKind.region.set(code, {
      kind: 'region',
      officialCode: code,
      name,
      population: regPopulation.get(code) ?? null,
      departement: null,
      departementName: null,
      region: code,
      regionName: name,
      epci: null,
      epciName: null,
      postcodes: [],
      siren: null,
    })

  // The search index is built once, on the first search: entries by the first two characters
  // of each word of their name, and by the first two characters of their codes and postcodes.
  let index:
    | { byWord: Map<string, SearchEntry[]>; byDigits: Map<string, SearchEntry[]>; all: SearchEntry[] }
    | undefined
  const add = (map: Map<string, SearchEntry[]>, key: string, entry: SearchEntry) => {
    const list = map.get(key)
    if (!list) map.set(key, [entry])
    else if (list[list.length - 1] !== entry) list.push(entry)
  }
  const searchIndex = () => {
    if (index) return index
    const all: SearchEntry[] = []
    const byWord = new Map<string, SearchEntry[]>()
    const byDigits = new Map<string, SearchEntry[]>()
    for (const m of [byKind.region, byKind.departement, byKind.epci, byKind.commune])
      for (const facts of m.values()) {
        const words = normalise(facts.name)
        const entry = { facts, words, norm: words.join(' ') }
        all.push(entry)
        for (const w of [...new Set(words.map((w) => w.slice(0, 2)))]) add(byWord, w, entry)
        for (const code of [facts.officialCode, ...facts.postcodes]) add(byDigits, code.slice(0, 2), entry)
      }
    index = { byWord, byDigits, all }
    return index
  }

  return {
    counts: {
      commune: byKind.commune.size,
      epci: byKind.epci.size,
      departement: byKind.departement.size,
      region: byKind.region.size,
    },
    get: (kind, code) => byKind[kind].get(code.trim().toUpperCase()),
    search(q, options = {}) {
      const limit = options.limit ?? 10
      const tokens = normalise(q)
      if (tokens.length === 0) return []
      const digits = /^\s*\d[\dAaBb]+\s*$/.test(q) ? q.trim().toUpperCase() : null
      const norm = tokens.join(' ')
      const { byWord, byDigits, all } = searchIndex()
      // Only entries sharing a two-character prefix with the most selective part of the query.
      const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a))
      const candidates = digits
        ? (byDigits.get(digits.slice(0, 2)) ?? [])
        : longest.length >= 2
          ? (byWord.get(longest.slice(0, 2)) ?? [])
          : all
      const hits: Array<{ entry: SearchEntry; rank: number }> = []
      for (const entry of candidates) {
        const f = entry.facts
        if (options.kind && f.kind !== options.kind) continue
        let rank: number | undefined
        if (digits) {
          if (f.officialCode === digits || f.postcodes.includes(digits)) rank = 0
          else if (f.postcodes.some((p) => p.startsWith(digits)) || f.officialCode.startsWith(digits))
            rank = 2
        } else if (entry.norm === norm) rank = 0
        else if (entry.norm.startsWith(norm)) rank = 1
        else if (tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) rank = 2
        if (rank !== undefined) hits.push({ entry, rank })
      }
      hits.sort(
        (a, b) =>
          a.rank - b.rank ||
          (b.entry.facts.population ?? 0) - (a.entry.facts.population ?? 0) ||
          a.entry.facts.name.localeCompare(b.entry.facts.name, 'fr'),
      )
      return hits.slice(0, limit).map((h) => h.entry.facts)
    },
  }
}

let loading: Promise<OfficialData> | undefined

/** The official data, loaded on first call (and kept). */
export function officialData(): Promise<OfficialData> {
  loading ??= (async () => {
    const [communes, epcis, departements, regions] = await Promise.all([
      readData<RawCommune[]>('communes.json'),
      readData<RawEpci[]>('epci.json'),
      readData<RawArea[]>('departements.json'),
      readData<RawArea[]>('regions.json'),
    ])
    return build({ communes, epcis, departements, regions })
  })().catch((error) => {
    loading = undefined
    throw error
  })
  return loading
}
