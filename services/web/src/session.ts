import type { PlatformRole } from '@osinum/contracts'
import type { FastifyRequest } from 'fastify'
import { type Api, type ApiTransport, apiClient, SignedOut, type Visitor, visitorOf } from './api.js'

/**
 * What the encrypted session cookie holds (`@fastify/secure-session`: XSalsa20-Poly1305, httpOnly,
 * SameSite=Lax, Secure over https). The person's tokens never leave the server in clear: the
 * browser only carries this sealed cookie, which its JavaScript cannot read, and no page contains
 * them. A snapshot of the profile saves an API call per page for the header and the theme.
 */
export interface SignedIn {
  /** Access token (JWT, 15 min) and its expiry (ms since epoch). */
  at: string
  exp: number
  /** Refresh token (works once) and the session id it belongs to. */
  rt: string
  sid: string
  uid: string
  email: string
  name: string | null
  hasPassword: boolean
  /** Has a platform role (admin, editor, advisor): sees staff-only choices. */
  staff: boolean
  /**
   * Platform roles and the operator they are scoped to (none: national), as the access token
   * carries them: the staff pages decide with the contracts' rule (`staffRule`). Absent in
   * sessions opened before they were kept (read as no role until the next token).
   */
  roles?: PlatformRole[]
  roleOp?: string | null
  /** `verified`: its syndicate (or ProConnect, or a verified member) confirmed who speaks for it. */
  orgs: Array<{ id: string; name: string; referent: boolean; verified: boolean }>
  /** Operator of the person's first collectivité (theming). */
  op: string | null
}

export interface Flash {
  kind: 'success' | 'info'
  text: string
}

declare module '@fastify/secure-session' {
  interface SessionData {
    auth: SignedIn
    flash: Flash
    _csrf: string
  }
}

export interface TokenPair {
  accessToken: string
  expiresIn: number
  refreshToken: string
  sessionId: string
  userId: string
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000

/**
 * Two requests of the same browser (two tabs) may want to refresh at once with the same refresh
 * token; identity treats a reused refresh token as theft and ends the session. One refresh per
 * token in this process, its result shared for a minute.
 */
const inFlight = new Map<string, Promise<TokenPair | 'refused' | undefined>>()

/** A new pair; 'refused' when identity ended the session; undefined when it could not answer now. */
function refreshOnce(transport: ApiTransport, visitor: Visitor, refreshToken: string) {
  let pending = inFlight.get(refreshToken)
  if (!pending) {
    pending = apiClient(transport, visitor)
      .POST('/v1/auth/refresh', { body: { refreshToken } })
      .then(({ data, response }) =>
        data
          ? (data as TokenPair)
          : response.status === 401 || response.status === 400
            ? 'refused'
            : undefined,
      )
    inFlight.set(refreshToken, pending)
    const forget = () => setTimeout(() => inFlight.delete(refreshToken), 60_000).unref()
    pending.then(forget, forget)
  }
  return pending
}

export const signedIn = (request: FastifyRequest): SignedIn | undefined => request.session.get('auth')

/** Stores a new token pair (after sign-in or refresh), keeping the profile snapshot. */
export function storeTokens(
  request: FastifyRequest,
  pair: TokenPair,
  profile: Omit<SignedIn, 'at' | 'exp' | 'rt' | 'sid' | 'uid'>,
) {
  request.session.set('auth', {
    ...profile,
    at: pair.accessToken,
    exp: Date.now() + pair.expiresIn * 1000,
    rt: pair.refreshToken,
    sid: pair.sessionId,
    uid: pair.userId,
  })
}

/**
 * The API client of this request: with the person's access token, refreshed transparently when it
 * is about to expire. A session the API no longer honours (revoked, expired) is forgotten and
 * `SignedOut` thrown: the page sends the person to the sign-in page.
 */
export async function apiOf(
  request: FastifyRequest,
  transport: ApiTransport,
  options: { force?: boolean; onRenewed?: (api: Api) => Promise<void> } = {},
): Promise<Api> {
  const visitor = visitorOf(request)
  let auth = signedIn(request)
  if (auth && (options.force || auth.exp - Date.now() < REFRESH_MARGIN_MS)) {
    const pair = await refreshOnce(transport, visitor, auth.rt)
    if (pair === 'refused') {
      request.session.set('auth', undefined)
      throw new SignedOut('the session ended')
    }
    // Not refreshed now (rate limit…): the current access token may still be valid.
    if (pair) {
      storeTokens(request, pair, auth)
      auth = signedIn(request)
      await options.onRenewed?.(apiClient(transport, { ...visitor, accessToken: auth?.at }))
    }
  }
  // A token revoked since it was issued (roles, memberships changed) is renewed once, transparently.
  const renew = async () => {
    const current = signedIn(request)
    if (!current) return undefined
    const renewed = await refreshOnce(transport, visitor, current.rt)
    if (!renewed || renewed === 'refused') return undefined
    storeTokens(request, renewed, current)
    const at = signedIn(request)?.at
    await options.onRenewed?.(apiClient(transport, { ...visitor, accessToken: at }))
    return at
  }
  return apiClient(transport, { ...visitor, accessToken: auth?.at, renew })
}

export function flash(request: FastifyRequest, text: string, kind: Flash['kind'] = 'success') {
  request.session.set('flash', { kind, text })
}

export function takeFlash(request: FastifyRequest): Flash | undefined {
  const message = request.session.get('flash')
  if (message) request.session.set('flash', undefined)
  return message
}
