import { hkdfSync } from 'node:crypto'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import secureSession from '@fastify/secure-session'
import { notFoundHandler } from '@osinum/service-kit'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type ApiTransport, ApiUnavailable, SignedOut } from './api.js'
import { assetRoutes } from './assets.js'
import { errorPage } from './errors.html.js'
import { pageRoutes } from './routes/index.js'
import { createRuntime, type WebRuntime } from './runtime.js'
import { flash } from './session.js'
import { redirect, render } from './view.js'

declare module 'fastify' {
  interface FastifyInstance {
    web: WebRuntime
  }
}

export interface WebAppOptions {
  transport: ApiTransport
  publicUrl: string
  sessionSecret: string
  operatorId?: string
}

/** Paths the API (or the kit) answers: an unknown one there is a problem+json 404, not a page. */
const API_PATH = /^\/(v1\/|\.well-known\/|docs|openapi\.json|livez|readyz|healthz|metrics)/

/**
 * The web pages, as one Fastify plugin (encapsulated: its form parser, session, CSRF, error
 * handler and CSP apply to the pages only, also when it shares the instance with the API).
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions) {
  app.decorate(
    'web',
    createRuntime({
      transport: options.transport,
      publicUrl: options.publicUrl,
      operatorId: options.operatorId,
    }),
  )
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(secureSession, {
    cookieName: 'osinum_session',
    key: Buffer.from(hkdfSync('sha256', options.sessionSecret, 'osinum-web', 'session-cookie', 32)),
    expiry: 30 * 24 * 3600,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // Secure everywhere but plain-http local development.
      secure: options.publicUrl.startsWith('https://'),
      maxAge: 30 * 24 * 3600,
    },
  })
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' })
  // Every form POST carries the session's CSRF token (hidden field `_csrf`).
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') app.csrfProtection(request, reply, done)
    else done()
  })

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof ApiUnavailable) {
      request.log.warn({ err: error }, 'API unavailable')
      return renderError(request, reply, 503)
    }
    if (error instanceof SignedOut) {
      request.session.set('auth', undefined)
      flash(request, 'Votre session a pris fin. Connectez-vous à nouveau.', 'info')
      const back = request.method === 'GET' ? `?retour=${encodeURIComponent(request.url)}` : ''
      return redirect(reply, `/connexion${back}`)
    }
    const status = error.statusCode ?? 500
    if (error.code?.startsWith('FST_CSRF')) return renderError(request, reply, 403, 'csrf')
    if (status === 404) return renderError(request, reply, 404)
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code, status }, error.message)
      return renderError(request, reply, status === 429 ? 429 : 400)
    }
    request.log.error({ err: error }, 'page failed')
    return renderError(request, reply, 500)
  })

  await app.register(assetRoutes)
  await app.register(pageRoutes)

  // Unknown pages: a French 404 page; unknown API paths keep the API's problem+json.
  app.get('/*', async (request, reply) => {
    if (API_PATH.test(request.url)) return notFoundHandler(request, reply)
    return renderError(request, reply, 404)
  })
}

async function renderError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  reason?: 'csrf',
): Promise<FastifyReply> {
  try {
    return await render(request, reply, (ctx) => errorPage(ctx, status, reason))
  } catch {
    // The operator's branding could not be loaded either: the page without it.
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage.plain(status))
  }
}
