import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Problem } from '@osinum/contracts'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export interface SwaggerOptions {
  title: string
  description: string
  version: string
}

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

/**
 * OpenAPI 3.1 at `/openapi.json`, Swagger UI at `/docs`. Every operation carries
 * `x-osinum-service`, the service that serves it (used by the Helm routing test and the client).
 */
export const swaggerPlugin = fp(
  async (app: FastifyInstance, opts: SwaggerOptions) => {
    // Routes are kept by reference: the host tags `config.service` in a hook that runs after this one.
    const routes: Array<{ method: string | string[]; url: string; config?: { service?: string } }> = []
    app.addHook('onRoute', (route) => {
      routes.push(route as never)
    })
    const owners = () => {
      const map = new Map<string, string>()
      for (const route of routes) {
        const service = route.config?.service
        if (!service) continue
        const methods = Array.isArray(route.method) ? route.method : [route.method]
        for (const m of methods) map.set(`${m.toLowerCase()} ${openapiPath(route.url)}`, service)
      }
      return map
    }
    app.addSchema(Problem)
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: opts.title, description: opts.description, version: opts.version },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) =>
          typeof json.$id === 'string' ? json.$id : `def-${i}`,
      },
      transformObject: (documentObject) => {
        const doc = (documentObject as { openapiObject: Record<string, any> }).openapiObject
        const owner = owners()
        for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
          for (const [method, op] of Object.entries<Record<string, any>>(item)) {
            const service = owner.get(`${method} ${path}`)
            if (service && op && typeof op === 'object') op['x-osinum-service'] = service
          }
        }
        return doc
      },
    })
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
    })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'osinum-swagger' },
)
