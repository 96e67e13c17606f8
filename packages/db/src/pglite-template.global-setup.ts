import { ensurePgliteTemplate } from './pglite-template.js'

/** vitest global setup: makes the PGlite template once, so each embedded test database skips `initdb`. */
export default async function setup() {
  await ensurePgliteTemplate()
}
