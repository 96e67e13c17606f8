import { createClient, type Problem } from '@osinum/client'
import type { FastifyInstance } from 'fastify'

/** The typed client of the REST API, as one request of a page uses it. */
export type Api = ReturnType<typeof createClient>
export type { Problem }

/** The API did not answer (down, timed out, 502/503/504): pages answer 503 « service momentanément indisponible ». */
export class ApiUnavailable extends Error {
  override name = 'ApiUnavailable'
}

/** The API no longer honours the person's session (revoked, expired): pages send them to sign in again. */
export class SignedOut extends Error {
  override name = 'SignedOut'
}

/**
 * How the web pages reach the API. Stand-alone: HTTP to `API_URL`. Embedded: `app.inject` into
 * the same Fastify instance (no socket, no port to know, the same routing, hooks, auth and error
 * handling as an HTTP call); the browser's address is passed on either way so that per-IP rate
 * limits (sign-in) apply to the person, not to the web server.
 */
export type ApiTransport = (request: Request, clientIp: string) => Promise<Response>

export function httpTransport(baseUrl: string, timeoutMs: number): ApiTransport {
  const base = baseUrl.replace(/\/+$/, '')
  return async (request, clientIp) => {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    headers.set('x-forwarded-for', clientIp)
    const body = request.body ? await request.arrayBuffer() : undefined
    return fetch(`${base}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  }
}

/** Responses that may not carry a body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304])

export function injectTransport(app: FastifyInstance): ApiTransport {
  return async (request, clientIp) => {
    const url = new URL(request.url)
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined
    const res = await app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      ...(body ? { payload: body } : {}),
      remoteAddress: clientIp,
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue
      for (const v of Array.isArray(value) ? value : [String(value)]) headers.append(name, v)
    }
    return new Response(NO_BODY.has(res.statusCode) ? null : res.rawPayload, {
      status: res.statusCode,
      headers,
    })
  }
}

/** Who is behind a page request, as the API should see them (rate limits, the sessions' devices). */
export interface Visitor {
  clientIp: string
  userAgent?: string
}

export const visitorOf = (request: { ip: string; headers: Record<string, unknown> }): Visitor => ({
  clientIp: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
})

/** Whether a 401 says the token was revoked (roles or memberships changed, a session ended…). */
async function isRevoked(response: Response): Promise<boolean> {
  try {
    return ((await response.clone().json()) as { code?: string }).code === 'OSI_TOKEN_REVOKED'
  } catch {
    return false
  }
}

/**
 * A client for one page request: the person's access token (if signed in), address and browser.
 * A token the API says is revoked (`OSI_TOKEN_REVOKED`: the person's roles or memberships changed
 * since it was issued) is renewed once with `renew` and the call repeated; any other refusal, or a
 * renewal refused, is `SignedOut`.
 */
export function apiClient(
  transport: ApiTransport,
  options: Visitor & { accessToken?: string; renew?: () => Promise<string | undefined> },
): Api {
  let accessToken = options.accessToken
  const send = async (request: Request) => {
    try {
      return await transport(request, options.clientIp)
    } catch (error) {
      throw new ApiUnavailable(`API call failed: ${(error as Error).message}`)
    }
  }
  const client = createClient({
    baseUrl: 'http://api.internal',
    fetch: async (request: Request) => {
      const again = accessToken && options.renew ? request.clone() : undefined
      let response = await send(request)
      if (response.status === 401 && accessToken && again && (await isRevoked(response))) {
        const renewed = await options.renew!()
        if (renewed) {
          accessToken = renewed
          again.headers.set('authorization', `Bearer ${renewed}`)
          response = await send(again)
        }
      }
      if (response.status === 502 || response.status === 503 || response.status === 504)
        throw new ApiUnavailable(`API answered ${response.status}`)
      if (response.status === 401 && accessToken) throw new SignedOut('the API refused the access token')
      return response
    },
  })
  const { userAgent } = options
  if (accessToken || userAgent)
    client.use({
      onRequest({ request }) {
        if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`)
        if (userAgent) request.headers.set('user-agent', userAgent)
        return request
      },
    })
  return client
}
