import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'

/**
 * The stylesheet, read once and served under a name that changes with its content, so browsers
 * keep it for a year and fetch it once (`services/web/assets`, next to `src/` and `dist/`).
 */
const css = readFileSync(new URL('../assets/site.css', import.meta.url))
const hash = createHash('sha256').update(css).digest('hex').slice(0, 10)

export const STYLESHEET = `/assets/site-${hash}.css`

export async function assetRoutes(app: FastifyInstance) {
  app.get(STYLESHEET, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(css),
  )
}
