import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SERVICES } from '@osinum/contracts'
import { describeWithNats, freePort, infrastructure, uniqueName } from '@osinum/testing'
import { afterAll, expect, it } from 'vitest'

const infra = infrastructure()
const root = fileURLToPath(new URL('..', import.meta.url))

/** Each service runs alone with DATABASE_URL and NATS_URL, as in a container. */
describeWithNats('each service runs alone on PostgreSQL and NATS', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  })

  for (const service of SERVICES) {
    const server = `${root}services/${service}/dist/server.js`
    it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
      `${service}: starts, is ready, documents only its own routes and stops gracefully on SIGTERM`,
      async () => {
        const port = await freePort()
        const child = spawn(process.execPath, [server], {
          env: {
            PATH: process.env.PATH,
            PORT: String(port),
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
            DATABASE_URL: infra.databaseUrl,
            DATABASE_SCHEMA: uniqueName(`sa_${service}`),
            NATS_URL: infra.natsUrl!,
            EVENTS_NAMESPACE: uniqueName('sa'),
            SMTP_URL: 'smtp://127.0.0.1:2525',
            MAIL_FROM: 'osinum <no-reply@osinum.example>',
            UNSUBSCRIBE_SECRET: 'standalone-test-secret-0123456789abcdef0123456789',
            OTEL_SDK_DISABLED: 'true',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        children.push(child)
        let stderr = ''
        child.stderr!.on('data', (d) => {
          stderr += d
        })
        const base = `http://127.0.0.1:${port}`
        const deadline = Date.now() + 45_000
        let ready = false
        while (!ready && Date.now() < deadline && child.exitCode === null) {
          ready = (await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200
          if (!ready) await new Promise((r) => setTimeout(r, 100))
        }
        expect(ready, `not ready: ${stderr}`).toBe(true)
        const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
          paths: Record<string, Record<string, { 'x-osinum-service'?: string }>>
        }
        const owners = new Set(
          Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op['x-osinum-service'])),
        )
        expect([...owners]).toEqual([service])
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
        child.kill('SIGTERM')
        expect(await exited).toBe(0)
      },
    )
  }
})
