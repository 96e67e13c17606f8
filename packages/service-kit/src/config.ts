import envSchema from 'env-schema'
import { type Static, type TObject, type TProperties, Type } from 'typebox'

/**
 * Variables every service reads. A service adds its own with `Type.Object({...BaseConfig.properties, ...})`.
 * Values are validated at boot; a missing or malformed variable stops the process with its name.
 */
export const BaseConfig = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    {
      default: 'info',
    },
  ),
  DATABASE_URL: Type.String({
    minLength: 1,
    pattern: '^(postgres|postgresql|pglite):',
    description: 'postgres://user:password@host:5432/db or pglite://<folder>',
  }),
  /** Schema of this service; defaults to the service name. */
  DATABASE_SCHEMA: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  /** Migrate the schema at start (lock-safe); in Kubernetes the migration Job does it and this is false. */
  MIGRATE_ON_START: Type.Boolean({ default: true }),
  NATS_URL: Type.String({
    minLength: 1,
    pattern: '^(nats|tls|memory):',
    description: 'nats://host:4222[,nats://…] or memory:',
  }),
  NATS_CREDS_FILE: Type.Optional(Type.String()),
  NATS_STREAM_REPLICAS: Type.Integer({
    minimum: 1,
    maximum: 5,
    default: 1,
    description: 'Replicas of the streams this service creates',
  }),
  NATS_TLS_CA_FILE: Type.Optional(Type.String()),
  OUTBOX_RETENTION_DAYS: Type.Number({
    minimum: 1,
    maximum: 3650,
    default: 7,
    description:
      'Days published events stay in the outbox: how far back `cli republish` can re-send them (after a stream loss or a restore)',
  }),
  /** Prefix of subjects and stream names; tests use it to isolate runs on a shared server. */
  EVENTS_NAMESPACE: Type.String({ pattern: '^[a-z0-9_]*$', default: '' }),
  PUBLIC_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000' }),
  CORS_ORIGINS: Type.String({ default: '', description: 'Comma-separated allow-list of origins' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 600, description: 'Requests per minute per IP' }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  SHUTDOWN_DELAY_SECONDS: Type.Number({
    minimum: 0,
    maximum: 120,
    default: 0,
    description:
      'On SIGTERM, seconds during which the process still serves (readiness 503) before it closes its listener, so that load balancers stop sending first',
  }),
  JWKS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  JWT_ISSUER: Type.String({ default: 'osinum' }),
  JWT_AUDIENCE: Type.String({ default: 'osinum' }),
})
export type BaseConfig = Static<typeof BaseConfig>

/** BaseConfig without the data variables: what a stateless module's process reads (no database, no bus). */
export const HttpConfig = Type.Omit(BaseConfig, [
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'DATABASE_POOL_SIZE',
  'MIGRATE_ON_START',
  'NATS_URL',
  'NATS_CREDS_FILE',
  'NATS_STREAM_REPLICAS',
  'NATS_TLS_CA_FILE',
  'EVENTS_NAMESPACE',
  'OUTBOX_RETENTION_DAYS',
])
export type HttpConfig = Static<typeof HttpConfig>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Validates the environment against `schema`; the error message names each bad or missing variable. */
export function loadConfig<P extends TProperties>(
  schema: TObject<P>,
  env: Record<string, string | undefined> = process.env,
): Readonly<Static<TObject<P>>> {
  try {
    const config = envSchema({ schema: schema as object, data: env, env: false, dotenv: false })
    return Object.freeze(config) as Readonly<Static<TObject<P>>>
  } catch (error) {
    const errors = (
      error as { errors?: Array<{ instancePath: string; params: Record<string, unknown>; message?: string }> }
    ).errors
    if (!errors?.length) throw new ConfigError(`invalid configuration: ${(error as Error).message}`)
    const lines = errors.map((e) => {
      const name = e.params.missingProperty ?? e.instancePath.replace(/^\//, '')
      return e.params.missingProperty
        ? `${name} is required`
        : `${name} ${e.message ?? 'is invalid'}${env[String(name)] !== undefined && !/SECRET|PASSWORD|KEY|URL/i.test(String(name)) ? ` (got "${env[String(name)]}")` : ''}`
    })
    throw new ConfigError(`invalid configuration: ${[...new Set(lines)].join('; ')}`)
  }
}
