import createFetchClient, { type ClientOptions } from 'openapi-fetch'
import type { components, paths } from './schema.js'

export type { components, paths }
export type Problem = components['schemas']['Problem']

/**
 * A typed client for the whole osinum API (one base URL in embedded mode or behind the ingress).
 *
 *   const api = createClient({ baseUrl: 'http://localhost:3000' })
 *   const { data, error } = await api.GET('/v1/categories')
 */
export function createClient(options: ClientOptions & { accessToken?: () => string | undefined } = {}) {
  const { accessToken, ...rest } = options
  const client = createFetchClient<paths>(rest)
  if (accessToken)
    client.use({
      onRequest({ request }) {
        const token = accessToken()
        if (token) request.headers.set('Authorization', `Bearer ${token}`)
        return request
      },
    })
  return client
}
