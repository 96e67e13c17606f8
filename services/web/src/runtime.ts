import type { FastifyRequest } from 'fastify'
import { type Api, type ApiTransport, apiClient, visitorOf } from './api.js'
import { apiOf, type SignedIn, signedIn, storeTokens, type TokenPair } from './session.js'
import { type Theme, themeOf } from './theme.js'

export interface Operator {
  id: string
  name: string
  displayName: string | null
  logoUrl: string | null
  primaryColor: string | null
  website: string | null
}

/** What the pages need from their process: how to reach the API, and the operators' branding. */
export interface WebRuntime {
  transport: ApiTransport
  publicUrl: string
  operatorId?: string
  /** The API client of a request (signed in when the session has tokens, refreshed as needed). */
  api(request: FastifyRequest): Promise<Api>
  /** An anonymous client (public routes). */
  publicApi(request: FastifyRequest): Api
  /** The operator whose branding themes this request's page. */
  operatorOf(request: FastifyRequest): Promise<{ operator?: Operator; theme: Theme }>
  /** After a sign-in: keeps the tokens and a snapshot of the profile in the session. */
  signIn(request: FastifyRequest, pair: TokenPair): Promise<void>
  /** After joining or creating a collectivité: new tokens (new claims) and a fresh snapshot. */
  refreshProfile(request: FastifyRequest): Promise<void>
  /**
   * Reloads the profile snapshot (collectivités, referent, verified) with the current tokens: for
   * pages whose content depends on it (the dashboard), since the syndicate may have decided since.
   */
  syncProfile(request: FastifyRequest): Promise<void>
}

const OPERATORS_TTL_MS = 5 * 60_000

export function createRuntime(options: {
  transport: ApiTransport
  publicUrl: string
  operatorId?: string
}): WebRuntime {
  const { transport } = options
  let operators: { at: number; list: Operator[]; loading?: Promise<Operator[]> } = { at: 0, list: [] }

  /** Operators' branding (public), cached; a failed reload keeps the last list (pages stay up). */
  async function loadOperators(request: FastifyRequest): Promise<Operator[]> {
    if (Date.now() - operators.at < OPERATORS_TTL_MS) return operators.list
    operators.loading ??= apiClient(transport, visitorOf(request))
      .GET('/v1/operators', { params: { query: { limit: 100 } } })
      .then(({ data }) => {
        operators = { at: Date.now(), list: (data?.items ?? []) as Operator[] }
        return operators.list
      })
      .catch(() => {
        operators = { at: Date.now() - OPERATORS_TTL_MS + 10_000, list: operators.list }
        return operators.list
      })
    return operators.loading
  }

  async function snapshot(api: Api): Promise<Omit<SignedIn, 'at' | 'exp' | 'rt' | 'sid' | 'uid'>> {
    const { data: me } = await api.GET('/v1/users/me')
    const orgs = (me?.memberships ?? []).map((m) => ({
      id: m.organisationId,
      name: m.organisationName,
      referent: m.referent,
      verified: m.verification === 'verified',
    }))
    let op: string | null = me?.operatorId ?? null
    if (!op && orgs[0]) {
      const { data: org } = await api.GET('/v1/organisations/{id}', { params: { path: { id: orgs[0].id } } })
      op = org?.operatorId ?? null
    }
    return {
      email: me?.email ?? '',
      name: me?.displayName ?? null,
      hasPassword: me?.hasPassword ?? false,
      staff: (me?.platformRoles ?? []).length > 0,
      roles: [...(me?.platformRoles ?? [])],
      roleOp: me?.operatorId ?? null,
      orgs,
      op,
    }
  }

  async function resnapshot(request: FastifyRequest, api: Api) {
    const auth = signedIn(request)
    if (auth) request.session.set('auth', { ...auth, ...(await snapshot(api)) })
  }

  const runtime: WebRuntime = {
    transport,
    publicUrl: options.publicUrl,
    operatorId: options.operatorId,
    // New tokens mean roles or memberships may have changed: the profile snapshot follows them.
    api: (request) => apiOf(request, transport, { onRenewed: (api) => resnapshot(request, api) }),
    publicApi: (request) => apiClient(transport, visitorOf(request)),
    async operatorOf(request) {
      const list = await loadOperators(request)
      const wanted = signedIn(request)?.op ?? options.operatorId
      const operator =
        list.find((o) => o.id === wanted) ??
        list.find((o) => o.id === options.operatorId) ??
        (list.length === 1 ? list[0] : undefined)
      return { operator, theme: themeOf(operator?.primaryColor) }
    },
    async signIn(request, pair) {
      const api = apiClient(transport, { ...visitorOf(request), accessToken: pair.accessToken })
      // A new session: a new CSRF secret too.
      request.session.set('_csrf', undefined)
      storeTokens(request, pair, await snapshot(api))
    },
    async syncProfile(request) {
      if (signedIn(request)) await resnapshot(request, await runtime.api(request))
    },
    async refreshProfile(request) {
      await apiOf(request, transport, { force: true, onRenewed: (api) => resnapshot(request, api) })
    },
  }
  return runtime
}
