import { type Static, Type } from 'typebox'

/**
 * Variables the web service adds to the kit's HttpConfig (it has no database and no event bus).
 * Stand-alone, `API_URL` and `WEB_SESSION_SECRET` are required; embedded, the pages reach the API
 * in-process and a secret is generated and kept in the data folder.
 */
export const WebConfig = Type.Object({
  API_URL: Type.String({
    pattern: '^https?://',
    description:
      'Base URL of the REST API (the ingress, or a service in front of it): https://osinum.example.fr',
  }),
  WEB_SESSION_SECRET: Type.String({
    minLength: 32,
    description:
      'Encrypts the session cookie (the person’s tokens, held server-side only). Generate one with `openssl rand -base64 48`; changing it signs everyone out.',
  }),
  WEB_OPERATOR_ID: Type.Optional(
    Type.String({
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      description:
        'Operator whose branding themes pages for people outside any collectivité (default: the only operator, if there is one)',
    }),
  ),
  WEB_API_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    default: 10_000,
    description: 'A page gives up on an API call after this long (503 page)',
  }),
})
export type WebConfig = Static<typeof WebConfig>

/** The variables the embedded platform accepts for the web pages (all optional there). */
export const WebEmbeddedConfig = Type.Object({
  WEB_SESSION_SECRET: Type.Optional(WebConfig.properties.WEB_SESSION_SECRET),
  WEB_OPERATOR_ID: WebConfig.properties.WEB_OPERATOR_ID,
  WEB_API_TIMEOUT_MS: WebConfig.properties.WEB_API_TIMEOUT_MS,
})
