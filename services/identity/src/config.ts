import { type Static, Type } from 'typebox'

const Url = (description: string) => Type.Optional(Type.String({ pattern: '^https?://', description }))

/** The longest access-token lifetime allowed: revocations are kept this long (plus a margin). */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600

/**
 * Variables identity adds to the kit's BaseConfig. Every one has a default (or is optional), so
 * the embedded mode needs none.
 */
export const IdentityConfig = Type.Object({
  SIGNING_KEYS: Type.Optional(
    Type.String({
      description:
        'JWK set (JSON) of private signing keys, e.g. from a Kubernetes Secret; the first key signs. When unset, keys are generated and kept in the database.',
    }),
  ),
  SIGNING_KEY_ENCRYPTION_SECRET: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'Encrypts private signing keys at rest in the database (AES-256-GCM).',
    }),
  ),
  SIGNING_KEYS_RELOAD_SECONDS: Type.Integer({
    minimum: 0,
    default: 60,
    description: 'How often a running identity picks up keys rotated by the rotate-keys command',
  }),
  SIGNING_KEY_ROTATION_SECONDS: Type.Integer({
    minimum: 86400,
    default: 90 * 24 * 3600,
    description:
      'How long a database signing key may sign before it is due for rotation (osinum_signing_key_expiry_timestamp_seconds, alerted 14 days ahead)',
  }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: MAX_ACCESS_TOKEN_TTL_SECONDS, default: 900 }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, default: 30 * 24 * 3600 }),
  KEY_RETIRE_MARGIN_SECONDS: Type.Integer({
    minimum: 0,
    default: 300,
    description: 'A rotated key stays in the JWKS for the access-token lifetime plus this margin.',
  }),
  MAGIC_LINK_TTL_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  EMAIL_VERIFICATION_TTL_SECONDS: Type.Integer({ minimum: 1, default: 24 * 3600 }),
  PASSWORD_RESET_TTL_SECONDS: Type.Integer({ minimum: 1, default: 3600 }),
  INVITATION_TTL_SECONDS: Type.Integer({ minimum: 1, default: 7 * 24 * 3600 }),
  MAGIC_LINK_URL: Url(
    'Page receiving ?token= of a magic link (default: PUBLIC_URL/connexion/lien, the web page)',
  ),
  EMAIL_VERIFICATION_URL: Url(
    'Page receiving ?token= of an email verification (default: PUBLIC_URL/inscription/confirmer)',
  ),
  PASSWORD_RESET_URL: Url(
    'Page receiving ?token= of a password reset (default: PUBLIC_URL/mot-de-passe/nouveau)',
  ),
  INVITATION_URL: Url('Page receiving ?token= of an invitation (default: PUBLIC_URL/invitation)'),
  AUTH_RATE_LIMIT_PER_IP: Type.Integer({
    minimum: 1,
    default: 30,
    description: 'Requests per minute and IP on each login / magic-link / reset route',
  }),
  AUTH_RATE_LIMIT_PER_EMAIL: Type.Integer({
    minimum: 1,
    default: 5,
    description: 'Requests per 15 minutes and email address on each login / magic-link / reset route',
  }),
  OIDC_ISSUER: Url('OpenID Connect provider (e.g. ProConnect); OIDC login is off when unset'),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_REDIRECT_URI: Url('Callback registered at the provider (default: PUBLIC_URL/v1/auth/oidc/callback)'),
  OIDC_SCOPES: Type.String({ default: 'openid email profile' }),
  OIDC_SUCCESS_REDIRECT: Type.Optional(
    Type.String({
      pattern: '^(https?://|json$)',
      description:
        'Front-end page the callback redirects to with ?code= (single use, OIDC_EXCHANGE_TTL_SECONDS), which its server exchanges at POST /v1/auth/oidc/exchange; on failure ?error=<problem code>. Default: PUBLIC_URL/connexion/proconnect, the web page. `json`: the callback answers the code as JSON instead (a front-end without a page for it)',
    }),
  ),
  OIDC_EXCHANGE_TTL_SECONDS: Type.Integer({
    minimum: 5,
    maximum: 600,
    default: 60,
    description: 'Lifetime of the code the OIDC callback hands the front-end',
  }),
  OIDC_DISPLAY_NAME: Type.String({
    minLength: 1,
    default: 'ProConnect',
    description: 'Name of the provider on the sign-in button (GET /v1/auth/methods)',
  }),
  OIDC_EMAIL_VERIFIED_BY_PROVIDER: Type.Boolean({
    default: false,
    description:
      'Treat every address the provider returns as verified even without `email_verified: true` — only for a provider that verifies them all (ProConnect returns professional addresses but no email_verified claim). Otherwise an identity is linked to an account by email only when the provider asserts email_verified: true',
  }),
  OIDC_USERINFO_SIGNED_ALG: Type.Optional(
    Type.String({
      description: 'Set when the provider signs its userinfo answer (ProConnect: RS256 or ES256)',
    }),
  ),
  OIDC_ALLOW_INSECURE: Type.Boolean({
    default: false,
    description: 'Allow an http:// provider (development and tests only)',
  }),
})
export type IdentityConfig = Static<typeof IdentityConfig>
