import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import sensible from '@fastify/sensible'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { JWTVerifyGetKey } from 'jose'
import type { Registry } from 'prom-client'
import type { BaseConfig } from './config.js'
import { FieldsError, notFoundHandler, nulPath, problemErrorHandler, UriTooLong } from './errors.js'
import { LIMITS } from './limits.js'
import { logAccess } from './logger.js'
import { authPlugin } from './plugins/auth.js'
import { healthPlugin } from './plugins/health.js'
import { metricsPlugin } from './plugins/metrics.js'
import { swaggerPlugin } from './plugins/swagger.js'

export interface KitOptions {
  config: Pick<BaseConfig, 'CORS_ORIGINS' | 'RATE_LIMIT_MAX' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>
  title: string
  description: string
  version?: string
  registry?: Registry
  /** The `service` label of every metric series of the process (a service's name, or `platform`). */
  service?: string
  getKey?: JWTVerifyGetKey
}

/**
 * What every osinum HTTP process has, in one plugin: problem+json errors, security headers,
 * CORS allow-list, rate limits, health, metrics, OpenAPI and token verification.
 * Body size limits are set on the Fastify instance (see `createHost`).
 */
export const serviceKit = fp(
  async (app: FastifyInstance, opts: KitOptions) => {
    app.setErrorHandler(problemErrorHandler)
    app.setNotFoundHandler(notFoundHandler)
    // Bounded before anything parses it further (Node's own bound is 16 KB for all headers: 431).
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id)
      if (request.url.length > LIMITS.maxUrlLength) throw new UriTooLong(LIMITS.maxUrlLength)
    })
    // PostgreSQL refuses text holding NUL characters: refuse them (400) before any handler, not
    // with a 500. After validation, so that only bounded bodies are walked (an invalid one of
    // 100,000 items is refused by its schema's maxItems first, without a scan).
    app.addHook('preHandler', async (request) => {
      const offending = nulPath(request.query, 'querystring') ?? nulPath(request.body, 'body')
      if (offending)
        throw new FieldsError([{ field: offending, message: 'must not contain NUL characters' }], {
          status: 400,
        })
    })
    app.addHook('onResponse', async (request, reply) => logAccess(request, reply))
    // While draining, every answer ends its connection: a keep-alive client opens a new one,
    // which the load balancer sends to another replica.
    app.addHook('onSend', async (_request, reply) => {
      if (app.readiness.shuttingDown) reply.header('connection', 'close')
    })
    await app.register(sensible)
    await app.register(helmet, {
      // Swagger UI at /docs needs its own scripts and styles; API responses are JSON.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:'],
        },
      },
      crossOriginResourcePolicy: { policy: 'same-site' },
    })
    const origins = opts.config.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
    await app.register(cors, {
      origin: origins.length ? origins : false,
      credentials: true,
      exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id'],
    })
    await app.register(rateLimit, {
      global: true,
      max: opts.config.RATE_LIMIT_MAX,
      timeWindow: '1 minute',
      allowList: (request) => ['/livez', '/readyz', '/healthz', '/metrics'].includes(request.url),
      errorResponseBuilder: (_request, context) => {
        const error = new Error(`Too many requests, retry in ${Math.ceil(context.ttl / 1000)} s`) as Error & {
          statusCode: number
          code: string
        }
        error.statusCode = context.statusCode
        error.code = 'OSI_RATE_LIMITED'
        return error
      },
    })
    await app.register(healthPlugin)
    await app.register(metricsPlugin, { registry: opts.registry, service: opts.service })
    await app.register(swaggerPlugin, {
      title: opts.title,
      description: opts.description,
      version: opts.version ?? '0.1.0',
    })
    await app.register(authPlugin, {
      issuer: opts.config.JWT_ISSUER,
      audience: opts.config.JWT_AUDIENCE,
      getKey: opts.getKey,
    })
  },
  { name: 'osinum-service-kit' },
)
