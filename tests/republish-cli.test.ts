import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '@osinum/db'
import { describeWithNats, infrastructure, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, expect, it } from 'vitest'

const infra = infrastructure()
const cli = fileURLToPath(new URL('../services/catalogue/dist/cli.js', import.meta.url))
const schema = uniqueName('cli_republish')
const env = {
  PATH: process.env.PATH,
  DATABASE_URL: infra.databaseUrl,
  DATABASE_SCHEMA: schema,
  NATS_URL: infra.natsUrl ?? 'memory:',
  EVENTS_NAMESPACE: uniqueName('cli'),
  LOG_LEVEL: 'silent',
  OTEL_SDK_DISABLED: 'true',
}
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 })

describeWithNats('cli republish (every service has it)', () => {
  const root = openDatabase({ url: infra.databaseUrl, applicationName: 'republish-cli-test' })
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(root.db)
    await root.close()
  })

  it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
    're-sends the events recorded in the range, and refuses a range it cannot read',
    async () => {
      expect(run('migrate').status).toBe(0)
      const event = (id: string, daysAgo: number) => sql`
        insert into ${sql.id(schema, 'outbox')} (id, subject, aggregate_id, envelope, headers, created_at, published_at)
        values (${id}, 'osinum.catalogue.tool.updated.v1', 'agg', ${JSON.stringify({ id, type: 'osinum.catalogue.tool.updated', data: {} })}::jsonb, '{}'::jsonb,
                now() - make_interval(days => ${daysAgo}), now() - make_interval(days => ${daysAgo}))`
      await event('0193a000-0000-7000-8000-000000000001', 3).execute(root.db)
      await event('0193a000-0000-7000-8000-000000000002', 1).execute(root.db)

      const since = new Date(Date.now() - 2 * 24 * 3600_000).toISOString()
      const done = run('republish', '--since', since)
      expect(done.stderr).toBe('')
      expect(done.status).toBe(0)
      expect(done.stdout).toMatch(/^republished 1 events of catalogue recorded from /)
      const typed = run(
        'republish',
        '--since',
        '2020-01-01T00:00:00Z',
        '--type',
        'osinum.catalogue.tool.updated',
      )
      expect(typed.stdout).toMatch(/^republished 2 events/)

      const missing = run('republish')
      expect(missing.status).toBe(1)
      expect(missing.stderr).toContain('republish needs --since')
      const wrong = run('republish', '--since', 'yesterday')
      expect(wrong.status).toBe(1)
      expect(wrong.stderr).toContain('--since must be an ISO 8601 time')
    },
  )
})
