import { ConfigError } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, openTestTransport } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { checkConfig } from './app.js'
import type { Config } from './runtime.js'
import { notificationsService } from './service.js'

describe('configuration', () => {
  const config = (extra: Partial<Config>) => ({ MAIL_FROM: 'osinum <a@b.fr>', ...extra }) as Config

  it('requires SMTP_URL and UNSUBSCRIBE_SECRET stand-alone, and neither in the embedded demo', () => {
    expect(() => checkConfig(config({}), false)).toThrow(ConfigError)
    expect(() => checkConfig(config({ UNSUBSCRIBE_SECRET: 'x'.repeat(32) }), false)).toThrow(
      /SMTP_URL is required/,
    )
    expect(() => checkConfig(config({ SMTP_URL: 'smtp://mail:25' }), false)).toThrow(
      /UNSUBSCRIBE_SECRET is required/,
    )
    expect(() =>
      checkConfig(config({ SMTP_URL: 'smtps://u:p@mail:465', UNSUBSCRIBE_SECRET: 'x'.repeat(32) }), false),
    ).not.toThrow()
    expect(() => checkConfig(config({}), true)).not.toThrow()
  })

  it('refuses to start a stand-alone service without SMTP_URL, with a message naming it', async () => {
    const database = openTestDatabase()
    const transport = await openTestTransport()
    const schema = uniqueName('notifications')
    try {
      await expect(
        createTestHost({
          modules: [notificationsService],
          schemas: { notifications: schema },
          database,
          transport,
          env: { EVENTS_NAMESPACE: uniqueName('t'), UNSUBSCRIBE_SECRET: 'x'.repeat(32) },
        }),
      ).rejects.toThrow(/SMTP_URL is required/)
      // A malformed URL is refused by the config schema, without echoing it (it may hold a password).
      await expect(
        createTestHost({
          modules: [notificationsService],
          schemas: { notifications: schema },
          database,
          transport,
          env: { EVENTS_NAMESPACE: uniqueName('t'), SMTP_URL: 'http://user:hunter2@mail' },
        }),
      ).rejects.toThrow(/SMTP_URL must match pattern(?![\s\S]*hunter2)/)
    } finally {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db)
      await transport.close()
      await database.close()
    }
  }, 300_000)
})
