/**
 * Where the tests find PostgreSQL and NATS:
 *  1. DATABASE_URL / NATS_URL when set (CI, this kind of machine);
 *  2. else containers started with testcontainers when a Docker engine answers (a laptop);
 *  3. else the embedded database (PGlite) and NATS-only tests skipped, each with its reason.
 * Resolved once in the vitest global setup, which exports the URLs to the workers.
 */
export interface Infrastructure {
  databaseUrl: string
  natsUrl: string | undefined
  /** Why NATS tests are skipped, when they are. */
  natsSkipReason: string | undefined
  /** Why PostgreSQL tests fall back to PGlite, when they do. */
  postgresFallbackReason: string | undefined
}

export function infrastructure(): Infrastructure {
  const databaseUrl = process.env.DATABASE_URL
  const natsUrl = process.env.NATS_URL
  return {
    databaseUrl: databaseUrl && databaseUrl.length > 0 ? databaseUrl : 'pglite://memory',
    natsUrl: natsUrl && natsUrl.length > 0 ? natsUrl : undefined,
    natsSkipReason: natsUrl
      ? undefined
      : (process.env.OSINUM_TEST_NATS_SKIP_REASON ?? 'NATS_URL is not set and no Docker engine answered'),
    postgresFallbackReason: databaseUrl
      ? undefined
      : (process.env.OSINUM_TEST_PG_FALLBACK_REASON ??
        'DATABASE_URL is not set and no Docker engine answered: using embedded PGlite'),
  }
}
