import {
  isUuid,
  type MembershipRole,
  type PlatformRole,
  type StaffRule,
  type StaffScope,
  staffRule,
} from '@osinum/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type JWTPayload, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose'
import { defineError, Forbidden, InvalidToken, Unauthorized } from '../errors.js'
import { issuedAtMs, type TokenFacts } from '../revocations.js'

/**
 * A validly signed, unexpired token that identity has revoked since (logout, session ended, roles or
 * memberships changed, account erased): the client refreshes it (or signs in again if the refresh
 * is refused too).
 */
export const TokenRevoked = defineError(
  'OSI_TOKEN_REVOKED',
  'This access token has been revoked: refresh it or sign in again',
  401,
)

/** Tells whether a verified token was revoked since (the kit's `RevocationList`). */
export interface RevocationCheck {
  refuses(token: TokenFacts): boolean
}

/** Who may call a route: anyone, any signed-in person, or people with one of these platform roles. */
export type Access = 'public' | 'authenticated' | readonly PlatformRole[]

export interface Membership {
  organisationId: string
  role: MembershipRole
  referent: boolean
}

/**
 * The caller, as identity's access token says, with the one staff-scope rule of
 * `@osinum/contracts` (scope.ts) used by every service: `isPlatformAdmin`, `administers(op)`,
 * `edits(op)`, `staffOf(op)`.
 */
export interface Principal extends StaffScope, StaffRule {
  userId: string
  sessionId: string | null
  email: string | null
  platformRoles: PlatformRole[]
  operatorId: string | null
  memberships: Membership[]
  hasRole(...roles: PlatformRole[]): boolean
  isMemberOf(organisationId: string): boolean
}

/** Claims of an osinum access token (issued by identity). */
export interface AccessClaims extends JWTPayload {
  sub: string
  sid?: string
  email?: string
  roles?: PlatformRole[]
  op?: string | null
  orgs?: Array<{ id: string; role: MembershipRole; ref?: boolean }>
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyInstance {
    auth: {
      /** Where verification keys come from: identity's JWKS (remote, cached) or its local key set. */
      setKeySource(getKey: JWTVerifyGetKey): void
      /** Where revocations come from (the host's `RevocationList`). */
      setRevocations(check: RevocationCheck): void
      verify(token: string): Promise<Principal>
    }
  }
}

export interface AuthOptions {
  issuer: string
  audience: string
  getKey?: JWTVerifyGetKey
}

export function principalFromClaims(claims: AccessClaims): Principal {
  const platformRoles = [...(claims.roles ?? [])]
  const memberships = (claims.orgs ?? []).map((o) => ({
    organisationId: o.id,
    role: o.role,
    referent: Boolean(o.ref),
  }))
  const scope: StaffScope = { platformRoles, operatorId: claims.op ?? null }
  return {
    userId: claims.sub,
    sessionId: claims.sid ?? null,
    email: claims.email ?? null,
    platformRoles,
    operatorId: scope.operatorId,
    memberships,
    hasRole: (...roles) => roles.some((r) => platformRoles.includes(r)),
    isMemberOf: (organisationId) => memberships.some((m) => m.organisationId === organisationId),
    ...staffRule(scope),
  }
}

/**
 * The ids a token carries end up in SQL against uuid columns: a validly signed token whose user,
 * session, operator or organisation id is not a UUID (another issuer sharing the key, a bug) must
 * be refused at the door (401), not turn into a database error (500) inside a handler.
 */
function hasWellFormedIds(claims: JWTPayload): boolean {
  const { sub, sid, op, orgs } = claims as Record<string, unknown>
  if (!isUuid(sub)) return false
  if (sid !== undefined && !isUuid(sid)) return false
  if (op !== undefined && op !== null && !isUuid(op)) return false
  if (orgs === undefined) return true
  return (
    Array.isArray(orgs) &&
    orgs.every((o) => typeof o === 'object' && o !== null && isUuid((o as { id?: unknown }).id))
  )
}

/** Routes under /v1 are protected unless they say `access: 'public'`. */
export function accessOf(request: FastifyRequest): Access {
  const declared = request.routeOptions.config?.access
  if (declared) return declared
  // No route matched: let the not-found handler answer 404.
  if (!request.routeOptions.url) return 'public'
  return request.routeOptions.url.startsWith('/v1/') ? 'authenticated' : 'public'
}

/**
 * Verifies bearer tokens locally (EdDSA/ES256 with `kid`) and enforces each route's `access`.
 * A present but invalid token is refused even on a public route.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: AuthOptions) => {
    let getKey: JWTVerifyGetKey | undefined = opts.getKey
    let revocations: RevocationCheck | undefined
    const verify = async (token: string): Promise<Principal> => {
      if (!getKey) throw new InvalidToken()
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: opts.issuer,
          audience: opts.audience,
          algorithms: ['EdDSA', 'ES256'],
          clockTolerance: 5,
          requiredClaims: ['sub', 'exp'],
        })
        if ((payload as { typ?: string }).typ !== undefined && (payload as { typ?: string }).typ !== 'access')
          throw new InvalidToken()
        if (!hasWellFormedIds(payload)) throw new InvalidToken()
        const principal = principalFromClaims(payload as AccessClaims)
        if (
          revocations?.refuses({
            userId: principal.userId,
            sessionId: principal.sessionId,
            issuedAtMs: issuedAtMs(payload),
          })
        )
          throw new TokenRevoked()
        return principal
      } catch (error) {
        if (error instanceof TokenRevoked) throw error
        if (
          error instanceof joseErrors.JOSEError ||
          error instanceof InvalidToken ||
          error instanceof TypeError
        )
          throw new InvalidToken()
        throw error
      }
    }
    app.decorate('auth', {
      setKeySource: (source: JWTVerifyGetKey) => {
        getKey = source
      },
      setRevocations: (check: RevocationCheck) => {
        revocations = check
      },
      verify,
    })
    app.decorateRequest('principal', null)

    // Document protection in OpenAPI from the same declaration that enforces it.
    app.addHook('onRoute', (route) => {
      const access: Access | undefined =
        route.config?.access ?? (route.url.startsWith('/v1/') ? 'authenticated' : undefined)
      if (!access || access === 'public' || !route.schema || (route.schema as { hide?: boolean }).hide) return
      const schema = route.schema as Record<string, any>
      schema.security = [{ bearerAuth: [] }]
      schema.response = {
        401: { $ref: 'Problem#' },
        403: { $ref: 'Problem#' },
        ...(schema.response ?? {}),
      }
    })

    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header)
        if (!match?.[1]) throw new InvalidToken()
        request.principal = await verify(match[1])
      }
      const access = accessOf(request)
      if (access === 'public') return
      if (!request.principal) throw new Unauthorized()
      if (access !== 'authenticated' && !request.principal.hasRole(...access)) throw new Forbidden()
    })
  },
  { name: 'osinum-auth' },
)
