import '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { Config } from '../../domain/context.js'
import { normaliseEmail } from '../../domain/crypto.js'

const RateLimited = (retryAfterSeconds: number) =>
  Object.assign(new Error(`Too many requests, retry in ${retryAfterSeconds} s`), {
    statusCode: 429,
    code: 'OSI_RATE_LIMITED',
  })

/**
 * Rate limits of the authentication routes: per IP (all these routes together, per minute) and,
 * where the body names an email, per normalised email (per route, per 15 minutes) so that one
 * address cannot be flooded with links or brute-forced from many IPs.
 */
export function authRateLimits(fastify: FastifyInstance, config: Config) {
  const perIp = fastify.createRateLimit({
    max: config.AUTH_RATE_LIMIT_PER_IP,
    timeWindow: 60_000,
    keyGenerator: (request) => `ip:${request.ip}`,
  })
  const ipHook: onRequestAsyncHookHandler = async (request, reply) => {
    const result = await perIp(request)
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', String(result.ttlInSeconds))
      throw RateLimited(result.ttlInSeconds)
    }
  }
  const emailOf = (request: FastifyRequest): string => {
    const email = (request.body as { email?: unknown } | undefined)?.email
    return typeof email === 'string' ? `email:${normaliseEmail(email)}` : `ip:${request.ip}`
  }
  return {
    /** For routes whose body has no email. */
    ip: { onRequest: ipHook, config: { access: 'public' as const, rateLimit: false as const } },
    /** For routes whose body names an email. */
    ipAndEmail: {
      onRequest: ipHook,
      config: {
        access: 'public' as const,
        rateLimit: {
          max: config.AUTH_RATE_LIMIT_PER_EMAIL,
          timeWindow: 15 * 60_000,
          hook: 'preHandler' as const,
          keyGenerator: emailOf,
        },
      },
    },
  }
}
