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

/** What identity's use-cases need. */
export interface Ctx {
  db: Kysely<Database>
  config: Config
  keys: KeyStore
  log: Logger
}

/** Where and how a request came: stored with sessions and audit entries. */
export interface RequestMeta {
  ip: string | null
  userAgent: string | null
}
