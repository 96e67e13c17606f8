import { execFile } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { SERVICES } from '@osinum/contracts'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Standalone, startStandalone } from './standalone.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = promisify(execFile)
const infra = infrastructure()

const IMAGES = [...SERVICES, 'web'] as const
/** What each service needs besides PostgreSQL and NATS to start (a chart sets these). */
const ENV: Record<string, Record<string, string>> = {
  notifications: {
    SMTP_URL: 'smtp://127.0.0.1:2525',
    MAIL_FROM: 'osinum <no-reply@osinum.example>',
    UNSUBSCRIBE_SECRET: 'production-install-secret-0123456789abcdef0123',
  },
  web: { WEB_SESSION_SECRET: 'production-install-session-secret-0123456789' },
}
const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return total + sizeOf(path)
    return entry.isFile() ? total + lstatSync(path).size : total
  }, 0)

/**
 * What an image holds: `pnpm deploy --prod --no-optional` of one service, then
 * deploy/docker/prune.mjs, as deploy/docker/Dockerfile does. The embedded database (PGlite, ~27 MB),
 * type declarations, sources, maps and the packages' own tests stay out, and each service still
 * starts the way its image's CMD starts it, on PostgreSQL and NATS.
 */
describeWithNats('a production install of each service (what its image holds)', () => {
  let dir: string
  const children: Standalone[] = []
  const sizes: Record<string, number> = {}
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osinum-deploy-'))
    for (const service of IMAGES) {
      const out = join(dir, service)
      await run(
        'npx',
        ['-y', 'pnpm@12.4.2', '--filter', `@osinum/${service}`, 'deploy', '--prod', '--no-optional', out],
        { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
      )
      await run(process.execPath, [join(root, 'deploy/docker/prune.mjs'), out])
      sizes[service] = sizeOf(out)
    }
    // The figures of docs/operations.md (« Image sizes »).
    console.log(
      `application files per image (MB): ${IMAGES.map((s) => `${s} ${(sizes[s]! / 1e6).toFixed(1)}`).join(', ')}`,
    )
  }, 600_000)
  afterAll(() => {
    for (const service of children) if (service.child.exitCode === null) service.child.kill('SIGKILL')
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('carries neither PGlite, nor the test tools, nor type declarations and source maps', async () => {
    for (const service of IMAGES) {
      const packages = readdirSync(join(dir, service, 'node_modules', '.pnpm'))
      expect(packages.filter((p) => /pglite|vitest|testcontainers|typescript@|@types\+/.test(p))).toEqual([])
      expect(existsSync(join(dir, service, 'dist', 'server.js'))).toBe(true)
      const { stdout } = await run('find', [join(dir, service), '-name', '*.d.ts', '-o', '-name', '*.map'])
      expect(stdout).toBe('')
    }
  })

  it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
    'starts every service as its image starts it, ready on PostgreSQL and NATS',
    async () => {
      const start = async (service: (typeof IMAGES)[number], env: Record<string, string> = {}) => {
        const started = await startStandalone(
          service,
          { ...ENV[service], ...env },
          { args: ['--import', '@osinum/service-kit/telemetry', 'dist/server.js'], cwd: join(dir, service) },
        )
        children.push(started)
        expect((await fetch(`${started.base}/livez`)).status, service).toBe(200)
        return started
      }
      // One after the other: six boots at once on a loaded 2-core machine outlast the readiness wait.
      const api: Standalone[] = []
      for (const service of SERVICES) api.push(await start(service))
      // The pages, ready when the API answers: here, the catalogue.
      const catalogue = api[SERVICES.indexOf('catalogue')]!
      await start('web', { API_URL: catalogue.base })
      const res = await fetch(`${catalogue.base}/v1/tools?limit=1`)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { items: unknown[] }).items).toEqual([])
    },
    360_000,
  )

  it('refuses the embedded database with a clear message instead of crashing on a missing module', async () => {
    const child = await run(process.execPath, ['dist/server.js'], {
      cwd: join(dir, 'catalogue'),
      env: { PATH: process.env.PATH, DATABASE_URL: 'pglite://memory', NATS_URL: 'memory://', PORT: '0' },
      timeout: 30_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    )
    expect(child.code).not.toBe(0)
    expect(child.stderr).toContain('embedded PGlite is not installed in this build')
    expect(child.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|\n\s+at /)
  })
})
