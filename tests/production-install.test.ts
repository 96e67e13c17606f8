import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Standalone, startStandalone } from './standalone.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = promisify(execFile)
const infra = infrastructure()

/**
 * What an image holds: `pnpm deploy --prod --no-optional` of one service, as deploy/docker/Dockerfile
 * does. The embedded database (PGlite, ~27 MB) stays out, and the service still starts the way the
 * image's CMD starts it, on PostgreSQL and NATS.
 */
describeWithNats('a production install of a service (what its image holds)', () => {
  let dir: string
  let service: Standalone | undefined
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osinum-deploy-'))
    const out = join(dir, 'catalogue')
    await run(
      'npx',
      ['-y', 'pnpm@12.4.2', '--filter', '@osinum/catalogue', 'deploy', '--prod', '--no-optional', out],
      { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
    )
  }, 180_000)
  afterAll(() => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL')
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('carries neither PGlite nor the test tools', () => {
    const packages = readdirSync(join(dir, 'catalogue', 'node_modules', '.pnpm'))
    expect(packages.filter((p) => /pglite|vitest|testcontainers|typescript@/.test(p))).toEqual([])
    expect(existsSync(join(dir, 'catalogue', 'dist', 'server.js'))).toBe(true)
  })

  it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
    'starts as the image starts it and answers on PostgreSQL and NATS',
    async () => {
      service = await startStandalone(
        'catalogue',
        {},
        {
          args: ['--import', '@osinum/service-kit/telemetry', 'dist/server.js'],
          cwd: join(dir, 'catalogue'),
        },
      )
      const res = await fetch(`${service.base}/v1/tools?limit=1`)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { items: unknown[] }).items).toEqual([])
    },
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
