import { isUniqueViolation } from '@osinum/db'
import * as client from 'openid-client'
import { verifyClaimsBySiret } from './claims.js'
import type { Ctx, RequestMeta } from './context.js'
import { randomToken, sha256 } from './crypto.js'
import type { Db } from './db.js'
import { OidcDisabled, OidcFailed, OidcStateInvalid, OidcUnavailable } from './errors.js'
import { issue, startSession, type TokenPair } from './tokens.js'
import { consumeLink, createUser, findUserByEmail } from './users.js'

const STATE_TTL_MS = 10 * 60_000

/** A SIRET: 14 digits (the SIREN, 9, then the establishment's NIC, 5); spaces tolerated. */
export function normaliseSiret(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const digits = value.replace(/\s+/g, '')
  return /^\d{14}$/.test(digits) ? digits : null
}

/**
 * OpenID Connect login (authorization code + PKCE + nonce) against the provider set by
 * configuration, e.g. ProConnect. The state is the key of a short-lived server-side record
 * (stored as its hash) holding the nonce and the PKCE verifier; it works once.
 *
 * Tokens never reach the browser: the callback ends with a single-use code (60 s, stored as its
 * SHA-256) that the front-end's server exchanges for a token pair (`exchange`).
 *
 * An identity is linked to an existing account by email only when the provider asserts
 * `email_verified: true` (an omitted claim is not a verification), unless the operator declared
 * that the provider verifies every address (`OIDC_EMAIL_VERIFIED_BY_PROVIDER`). The `siret` the
 * provider asserts (ProConnect) is kept on the identity and verifies the person's pending claims on
 * the collectivité whose SIREN it belongs to.
 */
export class OidcLogin {
  private configuration: Promise<client.Configuration> | undefined

  constructor(private readonly ctx: Ctx) {}

  get enabled(): boolean {
    const c = this.ctx.config
    return Boolean(c.OIDC_ISSUER && c.OIDC_CLIENT_ID)
  }

  get redirectUri(): string {
    return (
      this.ctx.config.OIDC_REDIRECT_URI ??
      `${this.ctx.config.PUBLIC_URL.replace(/\/$/, '')}/v1/auth/oidc/callback`
    )
  }

  private discover(): Promise<client.Configuration> {
    const c = this.ctx.config
    this.configuration ??= client
      .discovery(
        new URL(c.OIDC_ISSUER!),
        c.OIDC_CLIENT_ID!,
        {
          ...(c.OIDC_USERINFO_SIGNED_ALG ? { userinfo_signed_response_alg: c.OIDC_USERINFO_SIGNED_ALG } : {}),
        },
        c.OIDC_CLIENT_SECRET ? client.ClientSecretBasic(c.OIDC_CLIENT_SECRET) : client.None(),
        { ...(c.OIDC_ALLOW_INSECURE ? { execute: [client.allowInsecureRequests] } : {}), timeout: 5 },
      )
      .catch((error) => {
        this.configuration = undefined
        this.ctx.log.error({ err: error }, 'OIDC discovery failed')
        throw new OidcUnavailable()
      })
    return this.configuration
  }

  /** The provider's authorization URL to send the browser to. */
  async start(): Promise<string> {
    if (!this.enabled) throw new OidcDisabled()
    const config = await this.discover()
    const state = client.randomState()
    const nonce = client.randomNonce()
    const verifier = client.randomPKCECodeVerifier()
    await this.ctx.db.deleteFrom('oidc_states').where('expires_at', '<', new Date()).execute()
    await this.ctx.db
      .insertInto('oidc_states')
      .values({
        state_hash: sha256(state),
        nonce,
        code_verifier: verifier,
        expires_at: new Date(Date.now() + STATE_TTL_MS),
      })
      .execute()
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.redirectUri,
        scope: this.ctx.config.OIDC_SCOPES,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString()
  }

  get displayName(): string {
    return this.ctx.config.OIDC_DISPLAY_NAME
  }

  /**
   * Completes the login from the provider's redirect (its raw query string): finds or creates the
   * account, records the asserted SIRET (verifying matching claims), and returns the single-use
   * code to exchange for tokens.
   */
  async finish(rawQuery: string): Promise<{ code: string; expiresIn: number }> {
    if (!this.enabled) throw new OidcDisabled()
    const params = new URLSearchParams(rawQuery)
    const state = params.get('state')
    if (!state) throw new OidcStateInvalid()
    const record = await this.ctx.db
      .deleteFrom('oidc_states')
      .where('state_hash', '=', sha256(state))
      .where('expires_at', '>', new Date())
      .returningAll()
      .executeTakeFirst()
    if (!record) throw new OidcStateInvalid()
    const config = await this.discover()
    const currentUrl = new URL(this.redirectUri)
    currentUrl.search = params.toString()

    let subject: string
    let email: string | undefined
    let emailVerified = false
    let name: string | undefined
    let siret: string | null = null
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: record.code_verifier,
        expectedState: state,
        expectedNonce: record.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()!
      subject = claims.sub
      let info: Record<string, unknown> = claims
      const wantsSiret = this.ctx.config.OIDC_SCOPES.split(/\s+/).includes('siret')
      // ProConnect gives the email and the SIRET in its userinfo answer only.
      if (!claims.email || (wantsSiret && claims.siret === undefined))
        info = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) }
      email = typeof info.email === 'string' ? info.email : undefined
      emailVerified = info.email_verified === true || info.email_verified === 'true'
      siret = normaliseSiret(info.siret)
      const given = typeof info.given_name === 'string' ? info.given_name : undefined
      const family =
        typeof info.usual_name === 'string'
          ? info.usual_name
          : typeof info.family_name === 'string'
            ? info.family_name
            : undefined
      name =
        typeof info.name === 'string' ? info.name : [given, family].filter(Boolean).join(' ') || undefined
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError)
        throw new OidcFailed(error.error)
      if (error instanceof client.ClientError) throw new OidcFailed(error.code ?? error.message)
      this.ctx.log.error({ err: error }, 'OIDC token exchange failed')
      throw new OidcUnavailable()
    }
    const issuer = config.serverMetadata().issuer

    const attempt = () =>
      this.ctx.db.transaction().execute(async (trx) => {
        const linked = await trx
          .selectFrom('user_identities')
          .innerJoin('users', 'users.id', 'user_identities.user_id')
          .selectAll('users')
          .where('user_identities.issuer', '=', issuer)
          .where('user_identities.subject', '=', subject)
          .where('users.status', '=', 'active')
          .executeTakeFirst()
        let user = linked
        if (!user) {
          // Linked or created by email only when the provider vouches for the address: an
          // unverified (or unasserted) email would hand someone else's account to whoever controls
          // an account at a lax provider.
          if (!email || !(emailVerified || this.ctx.config.OIDC_EMAIL_VERIFIED_BY_PROVIDER))
            throw new OidcFailed('the provider did not assert a verified email address (email_verified)')
          user = await findUserByEmail(trx, email)
          if (!user) user = await createUser(trx, { email, displayName: name ?? null, verified: true })
          else if (!user.email_verified_at)
            user = await trx
              .updateTable('users')
              .set({ email_verified_at: new Date() })
              .where('id', '=', user.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          await trx
            .insertInto('user_identities')
            .values({ issuer, subject, user_id: user.id, siret })
            .execute()
        } else
          await trx
            .updateTable('user_identities')
            .set({ siret })
            .where('issuer', '=', issuer)
            .where('subject', '=', subject)
            .execute()
        if (siret) await verifyClaimsBySiret(trx, user.id, siret)
        return this.issueCode(trx, user.id)
      })
    try {
      return await attempt()
    } catch (error) {
      // Two first logins of the same person at once: the second finds the link made by the first.
      if (isUniqueViolation(error)) return attempt()
      throw error
    }
  }

  private async issueCode(trx: Db, userId: string): Promise<{ code: string; expiresIn: number }> {
    const ttl = this.ctx.config.OIDC_EXCHANGE_TTL_SECONDS
    const code = randomToken('osx')
    await trx
      .insertInto('one_time_tokens')
      .values({
        token_hash: sha256(code),
        kind: 'oidc-exchange',
        user_id: userId,
        expires_at: new Date(Date.now() + ttl * 1000),
        used_at: null,
      })
      .execute()
    return { code, expiresIn: ttl }
  }

  /** Exchanges the callback's code (once, within OIDC_EXCHANGE_TTL_SECONDS) for a token pair. */
  async exchange(code: string, meta: RequestMeta): Promise<TokenPair> {
    if (!this.enabled) throw new OidcDisabled()
    const pending = await this.ctx.db.transaction().execute(async (trx) => {
      const user = await consumeLink(trx, 'oidc-exchange', code)
      return startSession(this.ctx, trx, user, 'oidc', meta)
    })
    return issue(this.ctx, pending)
  }
}
