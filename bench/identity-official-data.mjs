// What the official administrative data (@etalab/decoupage-administratif) costs identity: time
// and memory of the one-time load (first organisation creation or search), time to build the
// search index (first search), and search latency afterwards.
// Run after `npx tsc -b`: node --expose-gc bench/identity-official-data.mjs
import { officialData } from '../services/identity/dist/domain/official-data.js'

const gc = globalThis.gc ?? (() => {})
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`
gc()
const before = process.memoryUsage()
let t = performance.now()
const data = await officialData()
const loadMs = performance.now() - t
gc()
const loaded = process.memoryUsage()
t = performance.now()
data.search('a')
const indexMs = performance.now() - t
gc()
const indexed = process.memoryUsage()

const queries = [
  'anzeme',
  'saint etienne',
  'st-jean',
  '23200',
  'creuse',
  'val de',
  'alleyrat',
  'paris',
  '69',
  'bourg',
]
const N = 200
t = performance.now()
for (let i = 0; i < N; i++) for (const q of queries) data.search(q, { limit: 10 })
const searchMs = (performance.now() - t) / (N * queries.length)

console.log(`official data (node ${process.version}): ${JSON.stringify(data.counts)}`)
console.log(
  `load (read + parse + keep needed fields): ${loadMs.toFixed(0)} ms, heap +${mb(loaded.heapUsed - before.heapUsed)}, RSS +${mb(loaded.rss - before.rss)}`,
)
console.log(
  `search index (first search):              ${indexMs.toFixed(0)} ms, heap +${mb(indexed.heapUsed - loaded.heapUsed)}`,
)
console.log(
  `search afterwards:                        ${searchMs.toFixed(2)} ms per query (mean over ${N * queries.length})`,
)
