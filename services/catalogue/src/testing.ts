import type { MembershipRole, PlatformRole } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, openTestTransport, testKeys } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import type { Db, DbContext } from './domain/db.js'
import { loadTools } from './domain/tools.js'
import { seedCatalogue, seedToolInputs } from './seed/index.js'
import { catalogueService } from './service.js'

/** A catalogue host for tests, on the real PostgreSQL/NATS when configured, else PGlite + in-process bus. */
export interface TestService {
  host: Host
  ctx: DbContext
  token(claims: {
    sub: string
    roles?: PlatformRole[]
    op?: string | null
    orgs?: Array<{ id: string; role: MembershipRole; ref?: boolean }>
  }): Promise<string>
  close(): Promise<void>
}

/**
 * `seed: 'tools'` loads the 72 seed tools (published); `'demo'` adds the embedded demo data
 * (operator offers, usages, a review); `'none'` leaves the catalogue empty.
 */
export async function startTestService(
  options: { seed?: 'none' | 'tools' | 'demo'; env?: Record<string, string> } = {},
): Promise<TestService> {
  const database: DatabaseHandle = openTestDatabase()
  const transport: EventTransport = await openTestTransport()
  const keys = await testKeys()
  const host = await createTestHost({
    modules: [catalogueService],
    schemas: { catalogue: uniqueName('catalogue') },
    database,
    transport,
    env: { EVENTS_NAMESPACE: uniqueName('t'), CATALOGUE_SEARCH_REFRESH_MS: '0', ...options.env },
    getKey: keys.getKey,
  })
  const deps = host.services.get('catalogue')!.deps
  const ctx: DbContext = { db: deps.db as Db, schema: deps.schema }
  const seed = options.seed ?? 'tools'
  if (seed === 'tools') await loadTools(ctx, seedToolInputs(), { status: 'published', action: 'seeded' })
  if (seed === 'demo') await seedCatalogue(ctx)
  return {
    host,
    ctx,
    token: (claims) => keys.token(claims),
    async close() {
      await host.close()
      await transport.close()
      await database.close()
    },
  }
}

export const PROBLEM = /^application\/problem\+json/
