import type { BaseConfig } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import type { IdentityConfig } from '../config.js'
import type { Database } from './db.js'
import type { KeyStore } from './keys.js'

export type Config = Readonly<BaseConfig & IdentityConfig>

export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/**
 * Work done after the answer is sent: requests for a magic link or a reset answer at once and the
 * same way whether the email exists or not; the writes for a real account happen here.
 * Pending work is awaited on close.
 */
export class Background {
  private readonly pending = new Set<Promise<unknown>>()
  constructor(private readonly log: Logger) {}

  run(name: string, work: () => Promise<unknown>): void {
    const p = new Promise((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err) => this.log.error({ err, work: name }, 'background work failed'))
      .finally(() => this.pending.delete(p))
    this.pending.add(p)
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }
}

/** What identity's use-cases need. */
export interface Ctx {
  db: Kysely<Database>
  config: Config
  keys: KeyStore
  background: Background
  log: Logger
}

/** Where and how a request came: stored with sessions and audit entries. */
export interface RequestMeta {
  ip: string | null
  userAgent: string | null
}
