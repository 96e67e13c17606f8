import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { RouteOptions } from '../options.js'

/** The public keys that verify identity's access tokens. */
export const wellKnownRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        operationId: 'getJwks',
        summary: 'JSON Web Key Set of the access-token signing keys (current and recently rotated)',
        response: {
          200: Type.Object({
            keys: Type.Array(
              Type.Object(
                { kty: Type.String(), kid: Type.String(), alg: Type.String(), use: Type.String() },
                { additionalProperties: true },
              ),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return ctx.keys.jwks()
    },
  )
}
