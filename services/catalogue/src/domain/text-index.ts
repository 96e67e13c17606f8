import {
  normalise,
  parseQuery,
  type QueryGroup,
  STOP_WORDS,
  SYNONYM_WORDS,
  withCorrections,
  words,
} from './text.js'

/**
 * The catalogue's full-text index, in memory: built from the search snapshot (itself refreshed
 * from PostgreSQL when the catalogue version changes), so that any query — cached or not,
 * misspelt or not — is answered without a database round trip.
 *
 * - Terms: normalised words (no accents, no stop words) reduced by a light French stemmer
 *   (plural `s`/`x`, final `e`), applied alike to the text and to the query; weighted by field
 *   like the former `tsvector` (name 1, summary/labels/replaced products/standards 0.4,
 *   description 0.1).
 * - A typed word matches terms it is a prefix of (the visitor may still be typing).
 * - Typos: a word the index does not know is corrected to the nearest indexed words by
 *   optimal-string-alignment distance (a transposition counts as one edit: "visoi" → "visio"),
 *   at most 1 edit for words under 5 letters, 2 otherwise (nearest first); words of the synonym
 *   table bring their whole class. A concatenation ("motdepasse") is split into known words.
 * - Every part of the query must match; when no tool matches them all but every part matches
 *   some tool, tools matching most parts are returned (ranked lower). A part that matches nothing
 *   at all ("état civil", "firewall") gives no result — and `suggest` proposes close words —
 *   rather than noise.
 */

/** Light French stemmer: enough for plurals and feminine forms, applied to text and query alike. */
export function stem(word: string): string {
  let w = word
  if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1)
  while (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

const WEIGHTS = { name: 1, secondary: 0.4, description: 0.1 }

export interface IndexedText {
  id: string
  name: string
  secondary: Array<string | null | undefined>
  description: string
}

/** Optimal string alignment distance, bounded: returns max + 1 as soon as it cannot be ≤ max. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)]
  // Three reused rows (no allocation per call: this runs over the vocabulary for each typo).
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array]
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}

const SYNONYM_STEMS = new Set(SYNONYM_WORDS.map(stem))

export class TextIndex {
  /** term → tool position → weight */
  private readonly postings = new Map<string, Map<number, number>>()
  /** Sorted terms, for prefix ranges. */
  private readonly sorted: string[]
  /** Non-numeric terms (and synonym words) by length, for spelling correction. */
  private readonly byLength = new Map<number, string[]>()
  /** A readable word for each term (suggestions). */
  private readonly surface = new Map<string, string>()
  private readonly ids: string[]
  private readonly names: string[]

  constructor(docs: IndexedText[]) {
    this.ids = docs.map((d) => d.id)
    this.names = docs.map((d) => normalise(d.name))
    docs.forEach((d, i) => {
      this.add(i, d.name, WEIGHTS.name)
      for (const s of d.secondary) if (s) this.add(i, s, WEIGHTS.secondary)
      if (d.description) this.add(i, d.description, WEIGHTS.description)
    })
    const vocabulary = new Set([...this.postings.keys(), ...SYNONYM_STEMS])
    this.sorted = [...this.postings.keys()].sort()
    for (const term of vocabulary) {
      if (term.length < 3 || /^\d+$/.test(term)) continue
      const list = this.byLength.get(term.length)
      if (list) list.push(term)
      else this.byLength.set(term.length, [term])
    }
    for (const w of SYNONYM_WORDS) if (!this.surface.has(stem(w))) this.surface.set(stem(w), w)
  }

  private add(doc: number, text: string, weight: number) {
    for (const w of words(text)) {
      const term = stem(w)
      let p = this.postings.get(term)
      if (!p) {
        p = new Map()
        this.postings.set(term, p)
        this.surface.set(term, w)
      }
      p.set(doc, Math.min(2, (p.get(doc) ?? 0) + weight))
    }
  }

  /** Rough size of the index in memory (bytes), for the benchmark. */
  approxBytes(): number {
    let bytes = 0
    for (const [term, p] of this.postings) bytes += 50 + term.length * 2 + p.size * 24
    return bytes + this.sorted.length * 8 + this.names.reduce((n, s) => n + 40 + s.length * 2, 0)
  }

  get termCount(): number {
    return this.postings.size
  }

  /** Terms starting with `prefix` (at most `limit`). */
  private withPrefix(prefix: string, limit = 200): string[] {
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.sorted[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < this.sorted.length && out.length < limit && this.sorted[i]!.startsWith(prefix); i++)
      out.push(this.sorted[i]!)
    return out
  }

  private known(word: string, prefix: boolean): boolean {
    const s = stem(word)
    return this.postings.has(s) || SYNONYM_STEMS.has(s) || (prefix && this.withPrefix(s, 1).length > 0)
  }

  /** Indexed words nearest to a word the index does not know (nearest distance only). */
  corrections(word: string, limit = 3): string[] {
    const s = stem(word)
    // One edit for short words; two for long ones, or to reach a word of the synonym table
    // ("vison" → "visio"): two edits on any five-letter word would be noise.
    const max = s.length < 5 ? 1 : 2
    const allowed = (term: string, d: number) =>
      d <= 1 || (d <= max && (s.length >= 6 || SYNONYM_STEMS.has(term)))
    let best = max + 1
    let found: Array<[string, number]> = []
    for (let len = s.length - max; len <= s.length + max; len++)
      for (const term of this.byLength.get(len) ?? []) {
        const d = osaDistance(s, term, max)
        if (d > best || !allowed(term, d)) continue
        if (d < best) {
          best = d
          found = []
        }
        found.push([term, this.postings.get(term)?.size ?? 0])
      }
    // Synonym-table words first (they bring a whole class), then the most frequent.
    found.sort((a, b) => Number(SYNONYM_STEMS.has(b[0])) - Number(SYNONYM_STEMS.has(a[0])) || b[1] - a[1])
    return found.slice(0, limit).map(([term]) => this.surface.get(term) ?? term)
  }

  /** A concatenation of known words ("motdepasse" → "mot de passe"), or null. */
  split(word: string): string | null {
    if (word.length < 6) return null
    const ok = (piece: string) => STOP_WORDS.has(piece) || (piece.length >= 3 && this.known(piece, false))
    // Fewest pieces: breadth-first over split positions.
    const best: Array<string[] | null> = new Array(word.length + 1).fill(null)
    best[0] = []
    for (let i = 0; i < word.length; i++) {
      const sofar = best[i]
      if (!sofar) continue
      for (let j = i + 2; j <= word.length; j++) {
        const piece = word.slice(i, j)
        if (!ok(piece)) continue
        const next = [...sofar, piece]
        if (!best[j] || best[j]!.length > next.length) best[j] = next
      }
    }
    const pieces = best[word.length]
    return pieces && pieces.length > 1 && pieces.some((p) => !STOP_WORDS.has(p)) ? pieces.join(' ') : null
  }

  /** The query's groups with typos corrected and concatenations split. */
  private groupsOf(q: string): QueryGroup[] {
    let groups = parseQuery(q)
    const fixes = new Map<string, string[]>()
    const resplit: string[] = []
    for (const g of groups) {
      if (!g.correctable || this.known(g.typed, g.prefix)) continue
      const split = this.split(g.typed)
      if (split) {
        resplit.push(g.typed)
        fixes.set(g.typed, [split])
        continue
      }
      const near = this.corrections(g.typed)
      if (near.length) fixes.set(g.typed, near)
    }
    if (resplit.length) {
      // Re-parse with the split words, so that "motdepasse" is the phrase "mot de passe".
      const text = groups.map((g) => (resplit.includes(g.typed) ? fixes.get(g.typed)![0] : g.typed)).join(' ')
      groups = parseQuery(text)
      for (const g of groups) fixes.delete(g.typed)
    }
    return withCorrections(groups, fixes)
  }

  /** Tool positions matching one word, with weights (exact, then prefix when allowed). */
  private wordHits(word: string, prefix: boolean, typed: boolean): Map<number, number> {
    const s = stem(word)
    const exact = this.postings.get(s)
    if (!prefix || !typed) return exact ?? new Map()
    const out = new Map(exact ?? [])
    for (const term of this.withPrefix(s)) {
      if (term === s) continue
      for (const [doc, w] of this.postings.get(term)!) out.set(doc, Math.max(out.get(doc) ?? 0, w * 0.8))
    }
    return out
  }

  private groupHits(g: QueryGroup): Map<number, number> {
    const out = new Map<number, number>()
    for (const alt of g.alternatives) {
      const isTyped = alt.length === 1 && alt[0] === g.typed
      const factor = isTyped || !g.correctable ? 1 : 0.7
      let acc: Map<number, number> | null = null
      for (const w of alt) {
        const hits = this.wordHits(w, g.prefix, isTyped)
        // Read only below: the first word's hits need no copy.
        if (!acc) acc = hits
        else {
          const next = new Map<number, number>()
          for (const [doc, weight] of acc) {
            const h = hits.get(doc)
            if (h !== undefined) next.set(doc, weight + h)
          }
          acc = next
        }
        if (!acc.size) break
      }
      for (const [doc, weight] of acc ?? []) {
        const score = (weight / alt.length) * factor
        if (score > (out.get(doc) ?? 0)) out.set(doc, score)
      }
    }
    return out
  }

  /** Whether some alternative of a group has every word indexed (cheap: no tool visited). */
  private matchesSomething(g: QueryGroup): boolean {
    return g.alternatives.some((alt) =>
      alt.every((w) => {
        const s = stem(w)
        return (
          this.postings.has(s) ||
          (g.prefix && alt.length === 1 && w === g.typed && this.withPrefix(s, 1).length > 0)
        )
      }),
    )
  }

  /** Tool ids matching a query, with a relevance score. */
  match(q: string): Map<string, number> {
    const norm = normalise(q)
    const groups = this.groupsOf(q)
    if (!groups.length) return new Map()
    // A part that matches nothing anywhere means no result (see above): known before any scoring.
    if (groups.some((g) => !this.matchesSomething(g))) return new Map()
    const perGroup = groups.map((g) => this.groupHits(g))
    const scores = new Map<number, { score: number; parts: number }>()
    for (const hits of perGroup)
      for (const [doc, w] of hits) {
        const s = scores.get(doc)
        if (s) {
          s.score += w
          s.parts++
        } else scores.set(doc, { score: w, parts: 1 })
      }
    const out = new Map<string, number>()
    const all = groups.length
    let needed = all
    if (![...scores.values()].some((s) => s.parts === all)) {
      // Nobody has every part: relax only when every part means something here.
      if (all < 2 || perGroup.some((h) => h.size === 0)) return out
      needed = Math.max(...[...scores.values()].map((s) => s.parts))
    }
    for (const [doc, s] of scores) {
      if (s.parts < needed) continue
      const name = this.names[doc]!
      const bonus = name === norm ? 5 : name.startsWith(norm) ? 1 : 0
      out.set(this.ids[doc]!, (s.score + bonus) / (needed === all ? 1 : 2))
    }
    return out
  }

  /** Close words to propose when a query finds nothing ("Essayez : …"). */
  suggest(q: string): string[] {
    const out = new Set<string>()
    for (const w of words(q)) {
      if (w.length < 4 || this.postings.has(stem(w))) continue
      for (const s of this.corrections(w, 3)) out.add(s)
    }
    return [...out].slice(0, 5)
  }
}
