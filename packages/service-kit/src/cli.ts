import { migrateSchema, openDatabase } from '@osinum/db'
import { listDeadLetters, replayDeadLetter, republishEvents } from '@osinum/events'
import { Type } from 'typebox'
import { BaseConfig, ConfigError, loadConfig } from './config.js'
import { createHost } from './host.js'
import { serviceConfigSchema } from './run.js'
import type { ServiceModule } from './service.js'

const USAGE = (module: ServiceModule) =>
  [
    `usage: node dist/cli.js <command>  (service ${module.name})`,
    '  migrate                      bring the schema to the latest migration (lock-safe)',
    '  dead-letters list            list events a consumer gave up on',
    '  dead-letters replay <id>     publish a dead-lettered event again',
    '  republish --since <time> [--until <time>] [--type <event type>]',
    '                               publish again the events recorded in a range (ISO 8601 times),',
    '                               kept OUTBOX_RETENTION_DAYS; consumers skip those they processed',
    ...Object.keys(module.commands ?? {}).map((c) => `  ${c}`),
  ].join('\n')

function republishRange(args: string[]) {
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i === -1 ? undefined : args[i + 1]
  }
  const time = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined
    const date = new Date(value)
    if (Number.isNaN(date.getTime()))
      throw new Error(`--${name} must be an ISO 8601 time (e.g. 2026-11-30T22:00:00Z), got "${value}"`)
    return date
  }
  const since = time('since', option('since'))
  if (!since) throw new Error('republish needs --since <time> (e.g. --since 2026-11-30T22:00:00Z)')
  const until = time('until', option('until'))
  if (until && until <= since) throw new Error('--until must be after --since')
  return { since, until, type: option('type') }
}

/** Operator commands of a service: `migrate`, `dead-letters`, and the service's own. */
export async function runCli(module: ServiceModule, argv = process.argv.slice(2)): Promise<number> {
  const [command, ...args] = argv
  const out = (line: string) => process.stdout.write(`${line}\n`)
  try {
    if (command === 'migrate') {
      const config = loadConfig(
        Type.Object({
          DATABASE_URL: BaseConfig.properties.DATABASE_URL,
          DATABASE_SCHEMA: BaseConfig.properties.DATABASE_SCHEMA,
        }),
      )
      const db = openDatabase({
        url: config.DATABASE_URL,
        poolSize: 1,
        applicationName: `osinum-${module.name}-migrate`,
      })
      try {
        const schema = config.DATABASE_SCHEMA ?? module.name
        const result = await migrateSchema(db.db, schema, module.migrations)
        const applied =
          result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? []
        out(applied.length ? `${schema}: applied ${applied.join(', ')}` : `${schema}: already up to date`)
      } finally {
        await db.close()
      }
      return 0
    }
    const custom = command ? module.commands?.[command] : undefined
    if (command !== 'dead-letters' && command !== 'republish' && !custom) {
      out(USAGE(module))
      return command ? 2 : 0
    }
    const config = loadConfig(serviceConfigSchema(module)) as never
    const host = await createHost({ modules: [module], config, logger: false })
    try {
      const ctx = host.commandContext(module.name)
      if (custom) {
        await custom(ctx, args)
        return 0
      }
      if (command === 'republish') {
        const range = republishRange(args)
        // A lost stream is created again first (as the service does when it starts).
        await host.transport.ensureStream({
          name: host.naming.stream(module.name),
          subjects: host.naming.streamSubjects(module.name),
        })
        const count = await republishEvents(ctx.db, host.transport, host.naming, range)
        out(
          `republished ${count} events of ${module.name} recorded from ${range.since.toISOString()} to ${(range.until ?? new Date()).toISOString()}${range.type ? ` of type ${range.type}` : ''}`,
        )
        return 0
      }
      if (args[0] === 'list') {
        const rows = await listDeadLetters(ctx.db, { all: args.includes('--all') })
        if (rows.length === 0) out('no dead letters')
        for (const r of rows)
          out(
            `${r.id}  ${r.createdAt.toISOString()}  ${r.consumer}  ${r.subject}  attempts=${r.attempts}  ${r.error}`,
          )
        return 0
      }
      if (args[0] === 'replay' && args[1]) {
        const r = await replayDeadLetter(ctx.db, host.transport, args[1])
        out(`replayed ${r.eventId} on ${r.subject} (replay #${r.replayCount})`)
        return 0
      }
      out(USAGE(module))
      return 2
    } finally {
      await host.close()
    }
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`}\n`,
    )
    // Fail fast: whatever a failed command left open (a connection being retried) must not keep
    // the process alive once the error is printed.
    setTimeout(() => process.exit(1), 1_000).unref()
    return 1
  }
}
