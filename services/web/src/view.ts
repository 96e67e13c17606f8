import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageContext, View } from './components.js'
import { layout } from './layout.js'
import { signedIn, takeFlash } from './session.js'

/**
 * Renders a page: builds the template's context (CSRF token, who is signed in, the operator),
 * then the layout, with a CSP nonce for the theme's inline style.
 */
export async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: (ctx: PageContext) => View | Promise<View>,
): Promise<FastifyReply> {
  const auth = signedIn(request)
  const [{ operator, theme }, unread] = await Promise.all([
    request.server.web.operatorOf(request),
    auth ? unreadCount(request) : null,
  ])
  // The CSRF token (and the session cookie holding its secret) is made only for a page that has a
  // form to post: a visitor reading the catalogue gets no cookie and costs no encryption.
  let csrf: string | undefined
  const ctx: PageContext = {
    get csrf() {
      csrf ??= reply.generateCsrf()
      return csrf
    },
    path: request.url.split('?')[0]!,
    signedIn: !!auth,
    name: auth?.name ?? null,
    email: auth?.email ?? null,
    orgs: auth?.orgs ?? [],
    staff: { platformRoles: auth?.roles ?? [], operatorId: auth?.roleOp ?? null },
    operatorName: operator?.displayName || operator?.name || 'osinum',
    operatorWebsite: operator?.website?.startsWith('https://') ? operator.website : null,
    unread,
  }
  const view = await template(ctx)
  const nonce = randomBytes(16).toString('base64')
  reply.header('content-security-policy', contentSecurityPolicy(nonce))
  return reply
    .code(view.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(layout({ view, ctx, operator, theme, nonce, flash: takeFlash(request) }))
}

/** The menu's unread count: one cheap call, and the page shows without it when it fails. */
async function unreadCount(request: FastifyRequest): Promise<number | null> {
  try {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/notifications/unread-count')
    return data?.count ?? null
  } catch {
    return null
  }
}

/** Pages run no script at all; the only inline style is the theme's, allowed by its nonce. */
export const contentSecurityPolicy = (nonce: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' https: data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')

/** POST-redirect-GET: 303 so that reloading the next page never re-sends the form. */
export const redirect = (reply: FastifyReply, to: string) => reply.code(303).redirect(to, 303)

/** preHandler of the pages that need a signed-in person: others go to the sign-in page, and come back. */
export async function requireSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (!signedIn(request)) return redirect(reply, `/connexion?retour=${encodeURIComponent(request.url)}`)
}
