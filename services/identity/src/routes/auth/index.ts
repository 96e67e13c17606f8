import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PAGES, pageUrl } from '@osinum/contracts'
import { Type } from 'typebox'
import { SessionRevoked } from '../../domain/errors.js'
import { refreshSession, revokeSession } from '../../domain/tokens.js'
import {
  register,
  requestLink,
  resetPassword,
  signInWithLink,
  signInWithPassword,
} from '../../domain/users.js'
import { Accepted, Email, Password, TokenPair } from '../../schemas.js'
import { metaOf, problems, type RouteOptions } from '../options.js'
import { authRateLimits } from './limits.js'

const tags = ['identity']
const Token = Type.String({ minLength: 10, maxLength: 200 })
const accepted = (message: string) => ({ status: 'accepted' as const, message })
const ExchangeCode = Type.Object(
  {
    code: Type.String({ description: 'Single use; POST /v1/auth/oidc/exchange {code} gives the token pair' }),
    expiresIn: Type.Integer({ description: 'Seconds' }),
  },
  { additionalProperties: false },
)
const SENT = 'Si un compte correspond à cette adresse, un message vient de lui être envoyé.'

/** Sign-in, links, tokens and OpenID Connect. */
export const authRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx, oidc }) => {
  const limits = authRateLimits(fastify, ctx.config)

  fastify.post(
    '/v1/auth/register',
    {
      ...limits.ipAndEmail,
      schema: {
        tags,
        operationId: 'register',
        summary: 'Create an account (an email is sent to confirm the address)',
        description:
          'Answers 202 in every case, so that nobody learns whether an address has an account: a new address receives a confirmation link (EmailVerificationRequested), a known one a sign-in link (MagicLinkRequested). A password can be set once signed in (PUT /v1/users/me/password).',
        body: Type.Object(
          { email: Email, displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })) },
          { additionalProperties: false },
        ),
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await register(ctx, request.body)
      return reply.code(202).send(accepted('Un lien de confirmation vient d’être envoyé à cette adresse.'))
    },
  )

  fastify.post(
    '/v1/auth/email/verification',
    {
      ...limits.ipAndEmail,
      schema: {
        tags,
        operationId: 'requestEmailVerification',
        summary: 'Send the address confirmation link again',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestLink(ctx, request.body.email, 'email-verification')
      return reply.code(202).send(accepted(SENT))
    },
  )

  for (const method of ['GET', 'POST'] as const) {
    const kind = 'email-verification'
    fastify.route({
      method,
      url: '/v1/auth/email/verify',
      ...limits.ip,
      schema: {
        tags,
        operationId: method === 'GET' ? 'verifyEmailByLink' : 'verifyEmail',
        summary: 'Confirm the address (signs in)',
        ...(method === 'GET'
          ? { querystring: Type.Object({ token: Token }) }
          : { body: Type.Object({ token: Token }, { additionalProperties: false }) }),
        response: { 200: TokenPair, ...problems(400, 429) },
      },
      handler: async (request) => {
        const { token } = (method === 'GET' ? request.query : request.body) as { token: string }
        return signInWithLink(ctx, kind, token, metaOf(request))
      },
    })
  }

  fastify.post(
    '/v1/auth/magic-link',
    {
      ...limits.ipAndEmail,
      schema: {
        tags,
        operationId: 'requestMagicLink',
        summary: 'Receive a sign-in link by email (single use, 15 minutes)',
        description: 'Same answer whether the address has an account or not.',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestLink(ctx, request.body.email, 'magic-link')
      return reply.code(202).send(accepted(SENT))
    },
  )

  for (const method of ['GET', 'POST'] as const) {
    fastify.route({
      method,
      url: '/v1/auth/magic-link/verify',
      ...limits.ip,
      schema: {
        tags,
        operationId: method === 'GET' ? 'verifyMagicLinkByUrl' : 'verifyMagicLink',
        summary: 'Sign in with the token of a magic link',
        ...(method === 'GET'
          ? { querystring: Type.Object({ token: Token }) }
          : { body: Type.Object({ token: Token }, { additionalProperties: false }) }),
        response: { 200: TokenPair, ...problems(400, 429) },
      },
      handler: async (request) => {
        const { token } = (method === 'GET' ? request.query : request.body) as { token: string }
        return signInWithLink(ctx, 'magic-link', token, metaOf(request))
      },
    })
  }

  fastify.post(
    '/v1/auth/login',
    {
      ...limits.ipAndEmail,
      schema: {
        tags,
        operationId: 'login',
        summary: 'Sign in with email and password',
        description: 'An unknown address and a wrong password get the same 401 answer, in the same time.',
        body: Type.Object(
          { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: TokenPair, ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => signInWithPassword(ctx, request.body, metaOf(request)),
  )

  fastify.post(
    '/v1/auth/password-reset',
    {
      ...limits.ipAndEmail,
      schema: {
        tags,
        operationId: 'requestPasswordReset',
        summary: 'Receive a password reset link by email',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestLink(ctx, request.body.email, 'password-reset')
      return reply.code(202).send(accepted(SENT))
    },
  )

  fastify.post(
    '/v1/auth/password-reset/confirm',
    {
      ...limits.ip,
      schema: {
        tags,
        operationId: 'resetPassword',
        summary: 'Set a new password with the token of a reset link (ends every session)',
        body: Type.Object({ token: Token, password: Password }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body.token, request.body.password, metaOf(request))
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/auth/refresh',
    {
      ...limits.ip,
      schema: {
        tags,
        operationId: 'refreshTokens',
        summary: 'Exchange a refresh token for a new pair (the old one stops working)',
        description: 'Presenting a refresh token that was already used ends its whole session.',
        body: Type.Object({ refreshToken: Token }, { additionalProperties: false }),
        response: { 200: TokenPair, ...problems(400, 401, 429) },
      },
    },
    async (request) => refreshSession(ctx, request.body.refreshToken, metaOf(request)),
  )

  fastify.post(
    '/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'logout',
        summary: 'End the current session',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const sid = request.principal!.sessionId
      if (!sid) throw new SessionRevoked()
      await ctx.db.transaction().execute((trx) => revokeSession(trx, sid, 'logout'))
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/v1/auth/oidc/login',
    {
      ...limits.ip,
      schema: {
        tags,
        operationId: 'oidcLogin',
        summary: 'Start an OpenID Connect login (e.g. ProConnect): redirects to the provider',
        response: { 302: Type.Null(), ...problems(404, 429, 503) },
      },
    },
    async (_request, reply) => reply.redirect(await oidc.start(), 302),
  )

  fastify.get(
    '/v1/auth/oidc/callback',
    {
      ...limits.ip,
      schema: {
        tags,
        operationId: 'oidcCallback',
        summary: 'Where the provider sends the browser back: completes the login with a single-use code',
        description:
          'Tokens never reach the browser. Redirects to OIDC_SUCCESS_REDIRECT (default: the web page PUBLIC_URL/connexion/proconnect) with `?code=` (single use, OIDC_EXCHANGE_TTL_SECONDS, default 60 s), or `?error=<problem code>` when the login failed; the front-end’s server exchanges the code at POST /v1/auth/oidc/exchange. With OIDC_SUCCESS_REDIRECT=json, answers the code as JSON instead.',
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 2048 })),
            state: Type.Optional(Type.String({ maxLength: 512 })),
            error: Type.Optional(Type.String({ maxLength: 256 })),
            error_description: Type.Optional(Type.String({ maxLength: 1024 })),
            iss: Type.Optional(Type.String({ maxLength: 512 })),
          },
          { additionalProperties: true },
        ),
        response: { 200: ExchangeCode, 302: Type.Null(), ...problems(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const raw = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : ''
      const target = ctx.config.OIDC_SUCCESS_REDIRECT ?? pageUrl(ctx.config.PUBLIC_URL, PAGES.oidcReturn)
      if (target === 'json') return oidc.finish(raw)
      const url = new URL(target)
      try {
        url.searchParams.set('code', (await oidc.finish(raw)).code)
      } catch (error) {
        const code = (error as { code?: unknown }).code
        // Not configured: the route does not exist (404), as for the login route.
        if (typeof code !== 'string' || !code.startsWith('OSI_') || code === 'OSI_IDENTITY_OIDC_DISABLED')
          throw error
        url.searchParams.set('error', code)
      }
      return reply.redirect(url.toString(), 302)
    },
  )

  fastify.post(
    '/v1/auth/oidc/exchange',
    {
      ...limits.ip,
      schema: {
        tags,
        operationId: 'oidcExchange',
        summary: 'Exchange the code of an OpenID Connect login for a token pair (once, within 60 s)',
        description:
          'Called by the front-end’s server with the `code` the callback gave its page. An unknown, used or expired code answers 400 OSI_IDENTITY_INVALID_LINK.',
        body: Type.Object({ code: Token }, { additionalProperties: false }),
        response: { 200: TokenPair, ...problems(400, 404, 429) },
      },
    },
    async (request) => oidc.exchange(request.body.code, metaOf(request)),
  )

  fastify.get(
    '/v1/auth/methods',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'authMethods',
        summary: 'How one can sign in here (to show the right buttons)',
        response: {
          200: Type.Object(
            {
              password: Type.Boolean(),
              magicLink: Type.Boolean(),
              oidc: Type.Union([
                Type.Object(
                  {
                    displayName: Type.String({ description: 'OIDC_DISPLAY_NAME, e.g. "ProConnect"' }),
                    loginUrl: Type.String({ description: 'Send the browser here to start' }),
                  },
                  { additionalProperties: false },
                ),
                Type.Null(),
              ]),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return {
        password: true,
        magicLink: true,
        oidc: oidc.enabled ? { displayName: oidc.displayName, loginUrl: '/v1/auth/oidc/login' } : null,
      }
    },
  )
}
