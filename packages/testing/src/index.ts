import { describe } from 'vitest'
import { infrastructure } from './infra.js'

export { bearerHeader, callsAs, type Injectable, type InjectedResponse } from './callers.js'
export { type Infrastructure, infrastructure } from './infra.js'
export { uniqueName } from './isolation.js'
export {
  freePort,
  natsServerBinary,
  type PrivateCluster,
  type PrivateServer,
  startPrivateNats,
  startPrivateNatsCluster,
  startPrivatePostgres,
  waitForPort,
} from './servers.js'

/** `describe` for suites that need the shared NATS: skipped, with its reason printed, when there is none. */
export function describeWithNats(name: string, fn: () => void): void {
  const infra = infrastructure()
  if (infra.natsUrl) describe(name, fn)
  else {
    console.warn(`[osinum tests] skipped "${name}": ${infra.natsSkipReason}`)
    describe.skip(`${name} (skipped: ${infra.natsSkipReason})`, fn)
  }
}

/** `describe` for suites that need a real PostgreSQL server (not PGlite). */
export function describeWithPostgres(name: string, fn: () => void): void {
  const infra = infrastructure()
  if (infra.databaseUrl.startsWith('postgres')) describe(name, fn)
  else {
    console.warn(`[osinum tests] skipped "${name}": ${infra.postgresFallbackReason}`)
    describe.skip(`${name} (skipped: ${infra.postgresFallbackReason})`, fn)
  }
}
