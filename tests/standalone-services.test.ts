import type { ChildProcess } from 'node:child_process'
import { SERVICES } from '@osinum/contracts'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, expect, it } from 'vitest'
import { startStandalone } from './standalone.js'

const infra = infrastructure()

/** Each service runs alone with DATABASE_URL and NATS_URL, as in a container. */
describeWithNats('each service runs alone on PostgreSQL and NATS', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  })

  for (const service of SERVICES) {
    it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
      `${service}: starts, is ready, documents only its own routes and stops gracefully on SIGTERM`,
      async () => {
        const { child, base, exited } = await startStandalone(service, {
          SMTP_URL: 'smtp://127.0.0.1:2525',
          MAIL_FROM: 'osinum <no-reply@osinum.example>',
          UNSUBSCRIBE_SECRET: 'standalone-test-secret-0123456789abcdef0123456789',
        })
        children.push(child)
        const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
          paths: Record<string, Record<string, { 'x-osinum-service'?: string }>>
        }
        const owners = new Set(
          Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op['x-osinum-service'])),
        )
        expect([...owners]).toEqual([service])
        child.kill('SIGTERM')
        expect(await exited).toBe(0)
      },
    )
  }
})
