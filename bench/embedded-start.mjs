// Embedded start: seconds from command to ready (/readyz 200) and resident memory, first start
// (fresh data folder: migrations + seed) and restart (existing data). Target: < 10 s and < 500 MB.
// Run after `pnpm build`: node bench/embedded-start.mjs
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const main = new URL('../packages/platform/dist/main.js', import.meta.url).pathname
const templateScript = new URL('../packages/db/dist/pglite-template.js', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'osinum-bench-'))

async function start(label) {
  const t0 = performance.now()
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      OSINUM_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NATS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d
      const m = /API docs:\s+(http:\/\/localhost:\d+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
  })
  for (;;) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined)
    if (res?.status === 200) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const seconds = (performance.now() - t0) / 1000
  await new Promise((r) => setTimeout(r, 1000))
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024
  const paths = Object.keys((await (await fetch(`${url}/openapi.json`)).json()).paths).length
  child.kill('SIGTERM')
  await new Promise((r) => child.on('exit', r))
  console.log(
    `${label.padEnd(28)} ready in ${seconds.toFixed(2)} s   RSS ${rss.toFixed(0)} MB   ${paths} API paths`,
  )
  return { seconds, rss }
}

try {
  console.log(`embedded start (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`)
  // `pnpm start` runs this first: it makes the PGlite template once per PGlite version (about 4 s,
  // printed), then answers at once.
  const t0 = performance.now()
  const template = spawnSync(process.execPath, [templateScript], { encoding: 'utf8' })
  if (template.status !== 0) throw new Error(template.stderr)
  console.log(
    `PGlite template step         ${((performance.now() - t0) / 1000).toFixed(2)} s   (${template.stdout.trim()})`,
  )
  await start('first start (migrate+seed)')
  await start('restart (existing data)')
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
