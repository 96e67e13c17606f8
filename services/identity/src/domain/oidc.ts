import { isUniqueViolation } from '@osinum/db'
import * as client from 'openid-client'
import type { Ctx, RequestMeta } from './context.js'
import { sha256 } from './crypto.js'
import { OidcDisabled, OidcFailed, OidcStateInvalid, OidcUnavailable } from './errors.js'
import { issue, startSession, type TokenPair } from './tokens.js'
import { createUser, findUserByEmail } from './users.js'

const STATE_TTL_MS = 10 * 60_000

/**
 * OpenID Connect login (authorization code + PKCE + nonce) against the provider set by
 * configuration, e.g. ProConnect. The state is the key of a short-lived server-side record
 * (stored as its hash) holding the nonce and the PKCE verifier; it works once.
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

  /** Completes the login from the provider's redirect (its raw query string). */
  async finish(rawQuery: string, meta: RequestMeta): Promise<TokenPair> {
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
    let emailVerified: boolean | undefined
    let name: string | undefined
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
      if (!claims.email) info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
      email = typeof info.email === 'string' ? info.email : undefined
      emailVerified = typeof info.email_verified === 'boolean' ? info.email_verified : undefined
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
          // The provider vouches for the address (unless it says it did not verify it).
          if (!email || emailVerified === false)
            throw new OidcFailed('the provider gave no verified email address')
          user = await findUserByEmail(trx, email)
          if (!user) user = await createUser(trx, { email, displayName: name ?? null, verified: true })
          else if (!user.email_verified_at)
            user = await trx
              .updateTable('users')
              .set({ email_verified_at: new Date() })
              .where('id', '=', user.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          await trx.insertInto('user_identities').values({ issuer, subject, user_id: user.id }).execute()
        }
        return startSession(this.ctx, trx, user, 'oidc', meta)
      })
    try {
      return issue(this.ctx, await attempt())
    } catch (error) {
      // Two first logins of the same person at once: the second finds the link made by the first.
      if (isUniqueViolation(error)) return issue(this.ctx, await attempt())
      throw error
    }
  }
}
