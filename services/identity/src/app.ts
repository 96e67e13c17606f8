import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createGauge, type ServiceDeps } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import type { IdentityConfig } from './config.js'
import type { Ctx } from './domain/context.js'
import type { Database } from './domain/db.js'
import { KeyStore } from './domain/keys.js'
import { OidcLogin } from './domain/oidc.js'
import { defineUserJobs } from './domain/users.js'
import { assignmentRoutes } from './routes/assignments/index.js'
import { auditRoutes } from './routes/audit/index.js'
import { authRoutes } from './routes/auth/index.js'
import { claimRoutes } from './routes/claims/index.js'
import { invitationRoutes } from './routes/invitations/index.js'
import { operatorRoutes } from './routes/operators/index.js'
import { organisationRoutes } from './routes/organisations/index.js'
import { userRoutes } from './routes/users/index.js'
import { wellKnownRoutes } from './routes/well-known/index.js'

export function keyStoreFor(deps: ServiceDeps<IdentityConfig>): KeyStore {
  const c = deps.config
  return new KeyStore(deps.db as Kysely<Database>, {
    signingKeys: c.SIGNING_KEYS,
    encryptionSecret: c.SIGNING_KEY_ENCRYPTION_SECRET,
    accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
    retireMarginSeconds: c.KEY_RETIRE_MARGIN_SECONDS,
    reloadSeconds: c.SIGNING_KEYS_RELOAD_SECONDS,
    rotationSeconds: c.SIGNING_KEY_ROTATION_SECONDS,
  })
}

/** The identity service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps<IdentityConfig>> = async (fastify, deps) => {
  const log = fastify.log.child({ service: 'identity' })
  const keys = keyStoreFor(deps)
  await keys.init()
  // Tokens are verified locally, from identity's own keys: no JWKS round trip for identity nor,
  // in the embedded platform, for the services sharing this process.
  fastify.auth.setKeySource(keys.getKey)
  if (keys.source === 'database' && !deps.config.SIGNING_KEY_ENCRYPTION_SECRET && !deps.embedded)
    log.warn('SIGNING_KEY_ENCRYPTION_SECRET is not set: private signing keys are stored unencrypted')
  // Alerted on 14 and 2 days ahead (OsinumSigningKeyExpiresSoon / …VerySoon): one series, the key
  // signing now; read at each scrape, so a rotation by the CLI shows within SIGNING_KEYS_RELOAD_SECONDS.
  createGauge(fastify, {
    name: 'osinum_signing_key_expiry_timestamp_seconds',
    help: 'Unix time at which the token signing key is due for rotation (its creation + SIGNING_KEY_ROTATION_SECONDS)',
    labelNames: ['kid'],
    async collect() {
      this.reset()
      const due = await keys.rotationDue().catch((error: unknown) => {
        log.warn({ err: error }, 'cannot read the signing key for metrics')
        return null
      })
      if (due) this.set({ kid: due.kid }, due.at.getTime() / 1000)
    },
  })

  const ctx: Ctx = {
    db: deps.db as Kysely<Database>,
    config: deps.config,
    keys,
    log,
  }
  const oidc = new OidcLogin(ctx)
  defineUserJobs(ctx, deps.events)

  const options = { ctx, oidc, gdpr: { events: deps.events, schema: deps.schema } }
  await fastify.register(wellKnownRoutes, options)
  await fastify.register(authRoutes, options)
  await fastify.register(userRoutes, options)
  await fastify.register(organisationRoutes, options)
  await fastify.register(claimRoutes, options)
  await fastify.register(operatorRoutes, options)
  await fastify.register(invitationRoutes, options)
  await fastify.register(assignmentRoutes, options)
  await fastify.register(auditRoutes, options)
}
