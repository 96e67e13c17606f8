import type { ServiceEvents } from '@osinum/events'
import type { FastifyRequest } from 'fastify'
import type { Ctx, RequestMeta } from '../domain/context.js'
import type { OidcLogin } from '../domain/oidc.js'

export interface RouteOptions {
  ctx: Ctx
  oidc: OidcLogin
  /** The GDPR export asks the other services (request-reply); erasure sweeps identity's schema. */
  gdpr: { events: ServiceEvents; schema: string }
}

export const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip ?? null,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
})

export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: 'Problem#' }])) as Record<number, { $ref: string }>
