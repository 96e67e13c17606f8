// Catalogue import, end to end (file read and checked in the import worker thread, then applied
// in one transaction), on a fresh catalogue with the 72 seed tools:
// - the real 2022 SILL file (`sill-softwares.json` of codegouvfr/sill-api, 232 entries; give its
//   path in BENCH_SILL_FILE, it is not copied into this repository), dry run then real import;
// - a synthetic file of BENCH_SYNTHETIC entries (default 40,000) in the Catalogi v1 shape, ids
//   unique, a third of the names close to each other: time, entries/s and peak RSS.
// Run after `npx tsc -b`:
//   BENCH_SILL_FILE=/path/to/sill-softwares.json DATABASE_URL=postgres://… node bench/catalogue-import.mjs
import { readFileSync } from 'node:fs'
import os from 'node:os'

const SYNTHETIC = Number(process.env.BENCH_SYNTHETIC ?? 40_000)
const { createHost, loadConfig, serviceConfigSchema } = await import('@osinum/service-kit')
const { sql } = await import('kysely')
const { catalogueService } = await import('../services/catalogue/dist/index.js')
const { runImport } = await import('../services/catalogue/dist/domain/import.js')
const { parseImportOffThread } = await import('../services/catalogue/dist/domain/import-file.js')

const config = loadConfig(serviceConfigSchema(catalogueService), {
  DATABASE_URL: process.env.DATABASE_URL || 'pglite://memory',
  DATABASE_SCHEMA: `catalogue_import_bench_${Date.now().toString(36)}`,
  NATS_URL: 'memory:',
  LOG_LEVEL: 'silent',
})
const host = await createHost({ modules: [catalogueService], config, logger: false })
await host.app.ready()
const cmd = host.commandContext('catalogue')
const ctx = { db: cmd.db, schema: cmd.schema }
await catalogueService.seed(cmd)

const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)
async function run(label, bytes, options) {
  const started = performance.now()
  const parsed = await parseImportOffThread(bytes)
  const parsedAt = performance.now()
  const report = await runImport(ctx, parsed, { actor: null, reportLimit: 0, ...options })
  const s = (performance.now() - started) / 1000
  console.log(
    `${label.padEnd(44)} ${String(parsed.total).padStart(6)} entries  ${s.toFixed(2).padStart(6)} s (read ${((parsedAt - started) / 1000).toFixed(2)} s)  ${(parsed.total / s).toFixed(0).padStart(6)} entries/s  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped}, refused ${report.refused}, conflicts ${report.conflicts}; peak RSS ${rssMb()} MB`,
  )
  return report
}

console.log(
  `catalogue import bench (node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, ${host.database.kind})`,
)
if (process.env.BENCH_SILL_FILE) {
  const sill = readFileSync(process.env.BENCH_SILL_FILE)
  await run('real SILL file, dry run', sill, { dryRun: true })
  await run('real SILL file', sill, {})
  await run('real SILL file again (nothing to change)', sill, {})
} else console.log('(BENCH_SILL_FILE not set: the real SILL file is skipped)')

const names = ['Nuage', 'Agenda', 'Carto', 'Sondage', 'Messagerie', 'Sauvegarde', 'Wiki', 'Tableur']
const licences = ['GPL-3.0', 'AGPL-3.0', 'MIT', 'Apache-2.0', 'GPL-2.0+', 'LGPL-3.0, GPL-3.0', 'N/A']
const synthetic = Array.from({ length: SYNTHETIC }, (_, i) => ({
  id: 100_000 + i,
  name: i % 3 === 0 ? `${names[i % names.length]} Commun ${i}` : `Logiciel ${i} ${names[i % names.length]}`,
  description: `${names[i % names.length]} : outil numéro ${i} pour les collectivités`,
  license: licences[i % licences.length],
  keywords: [names[i % names.length].toLowerCase(), 'collectivité'],
  softwareType: { type: i % 2 ? 'cloud' : 'desktop/mobile' },
  serviceProviders: [],
  similarExternalSoftwares: [],
}))
const bytes = Buffer.from(JSON.stringify(synthetic))
console.log(`synthetic file: ${(bytes.length / 1e6).toFixed(1)} MB`)
await run(`synthetic file, dry run`, bytes, { dryRun: true })
await run(`synthetic file`, bytes, {})

if (host.database.kind === 'postgres')
  await sql`drop schema if exists ${sql.id(config.DATABASE_SCHEMA)} cascade`.execute(host.database.db)
await host.close()
