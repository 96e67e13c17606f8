// `pnpm bench [name…]`: builds, then runs the benchmarks one after the other (all of them, or those
// whose file name contains one of the arguments), each in its own process, printing its figures.
// PostgreSQL and NATS come from DATABASE_URL and NATS_URL, as in the tests; benchmarks that need
// them say so. Figures are summarised in docs/performance.md and bench/results/<service>.md.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { loadavg } from 'node:os'

const dir = new URL('.', import.meta.url).pathname
const filters = process.argv.slice(2)
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort()
if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}; available: ${readdirSync(dir).join(', ')}`)
  process.exit(2)
}

let failed = 0
for (const bench of benches) {
  const load = loadavg()[0].toFixed(1)
  console.log(`\n== ${bench} (${new Date().toISOString()}, load average ${load})`)
  const run = spawnSync(process.execPath, [`${dir}${bench}`], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.error(`== ${bench} failed (exit ${run.status ?? run.signal})`)
  }
}
process.exit(failed ? 1 : 0)
