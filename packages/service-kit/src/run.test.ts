import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const run = fileURLToPath(new URL('../dist/run.js', import.meta.url))

/** A process with the kit's shutdown handling, a fake host, and the given error left unhandled. */
function processWith(unhandled: string) {
  const script = `
    const { installGracefulShutdown } = await import(${JSON.stringify(run)})
    const log = { info: () => {}, warn: (_o, m) => console.log('warn:', m), error: (_o, m) => console.log('error:', m) }
    installGracefulShutdown({ app: { log }, close: async () => console.log('closed') })
    ${unhandled}
    setTimeout(() => { console.log('still serving'); process.exit(0) }, 300)
  `
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  })
}

describe('a process with unhandled errors', () => {
  it.skipIf(!existsSync(run))('keeps serving through an unhandled database outage error', () => {
    const outage = processWith(`
      Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))
      setImmediate(() => { throw Object.assign(new Error('Connection terminated unexpectedly'), {}) })
    `)
    expect(outage.stdout).toContain('still serving')
    expect(outage.status).toBe(0)
  })

  it.skipIf(!existsSync(run))('shuts down gracefully, exit 1, after any other unhandled error', () => {
    const bug = processWith(`Promise.reject(new TypeError('a bug'))`)
    expect(bug.stdout).toContain('error: shutting down after an error')
    expect(bug.stdout).toContain('closed')
    expect(bug.stdout).not.toContain('still serving')
    expect(bug.status).toBe(1)
  })
})
