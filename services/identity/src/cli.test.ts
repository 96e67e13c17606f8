import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeWithPostgres, infrastructure, uniqueName } from '@osinum/testing'
import { expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

describeWithPostgres('identity CLI', () => {
  it.skipIf(!existsSync(cli))(
    'fails fast with a clear message when SIGNING_KEY_ENCRYPTION_SECRET does not match the stored keys',
    () => {
      const env = {
        PATH: process.env.PATH,
        DATABASE_URL: infrastructure().databaseUrl,
        NATS_URL: 'memory:',
        DATABASE_SCHEMA: uniqueName('cli_identity'),
        LOG_LEVEL: 'silent',
      }
      const run = (extra: Record<string, string>) =>
        spawnSync(process.execPath, [cli, 'grant-admin', 'admin@ahun.example'], {
          env: { ...env, ...extra },
          encoding: 'utf8',
          timeout: 60_000,
        })
      // Keys created encrypted with a secret…
      expect(run({ SIGNING_KEY_ENCRYPTION_SECRET: 'a-secret-of-24-characters' }).status).toBe(0)
      // …then the secret is missing: an error naming the variable and exit 1, not a hang.
      const failed = run({})
      expect(failed.signal).toBeNull()
      expect(failed.status).toBe(1)
      expect(failed.stderr).toContain('SIGNING_KEY_ENCRYPTION_SECRET')
    },
  )
})
