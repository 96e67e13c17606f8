import type { Server } from 'node:http'
import Provider from 'oidc-provider'
import { freePort } from './servers.js'

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: give it to identity as OIDC_ISSUER (with OIDC_ALLOW_INSECURE=true). */
  issuer: string
  clientId: string
  clientSecret: string
  close(): Promise<void>
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified Node implementation) on a free
 * port, standing for ProConnect in tests: authorization code + PKCE, one confidential client, and
 * the provider's development login pages (any password; the login is the account id in `accounts`).
 * Claims asked with the `siret` scope are given like ProConnect does.
 */
export async function startOidcProvider(options: {
  redirectUris: string[]
  accounts: Record<string, Record<string, unknown>>
}): Promise<TestOidcProvider> {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'osinum'
  const clientSecret = 'osinum-test-secret'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name', 'usual_name'],
      siret: ['siret'],
    },
    features: { devInteractions: { enabled: true } },
    // Explicit lifetimes (the provider otherwise prints a notice for each).
    ttl: { AccessToken: 3600, IdToken: 3600, Grant: 3600, Session: 3600, Interaction: 3600 },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = options.accounts[id]
      if (!account) return undefined
      return { accountId: id, claims: async () => ({ sub: id, ...account }) }
    },
  })
  const server: Server = provider.listen(port, '127.0.0.1')
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
