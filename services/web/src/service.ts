import { defineStatelessModule } from '@osinum/service-kit'
import { httpTransport, injectTransport } from './api.js'
import { webApp } from './app.js'
import { WebConfig } from './config.js'

interface Config {
  PUBLIC_URL: string
  API_URL?: string
  WEB_SESSION_SECRET?: string
  WEB_OPERATOR_ID?: string
  WEB_API_TIMEOUT_MS: number
}

/**
 * The web front-end: server-rendered French pages for communes and the public. It owns no data
 * and reaches the platform only through the REST API (`@osinum/client`): over HTTP to `API_URL`
 * stand-alone, in-process (`app.inject`) embedded.
 */
export const webModule = defineStatelessModule<Config>({
  name: 'web',
  title: 'osinum web',
  description: 'Pages of osinum for communes and the public',
  config: WebConfig,
  plugin: async (app, { config, embedded }) => {
    const transport =
      embedded || !config.API_URL
        ? injectTransport(app)
        : httpTransport(config.API_URL, config.WEB_API_TIMEOUT_MS)
    if (!embedded && config.API_URL) {
      const base = config.API_URL.replace(/\/+$/, '')
      // The API's reachability is a detail of /healthz, never a reason to take the pages out.
      app.readiness.add(
        'api',
        async () => {
          const res = await fetch(`${base}/livez`, { signal: AbortSignal.timeout(2_000) })
          if (!res.ok) throw new Error(`API /livez answered ${res.status}`)
        },
        { critical: false },
      )
    }
    // Pages are not part of the API's OpenAPI document.
    app.addHook('onRoute', (route) => {
      route.schema = { ...(route.schema ?? {}), hide: true } as typeof route.schema
    })
    await app.register(webApp, {
      transport,
      publicUrl: config.PUBLIC_URL,
      // Required stand-alone (WebConfig); the embedded platform always passes one.
      sessionSecret: config.WEB_SESSION_SECRET!,
      operatorId: config.WEB_OPERATOR_ID,
    })
  },
})
