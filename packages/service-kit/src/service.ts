import type { ServiceName } from '@osinum/contracts'
import type { DatabaseHandle, MigrationSet } from '@osinum/db'
import type { ServiceEvents } from '@osinum/events'
import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { TObject } from 'typebox'
import type { BaseConfig, HttpConfig } from './config.js'

/** What a service plugin receives from its host (stand-alone server or embedded platform). */
export interface ServiceDeps<C = Record<string, unknown>> {
  config: Readonly<BaseConfig & C>
  /** The service's Kysely, bound to its own schema. */
  db: Kysely<any>
  schema: string
  events: ServiceEvents
  /** True in the embedded all-in-one process (demo mailbox, seeding…). */
  embedded: boolean
}

export interface CommandContext<C = Record<string, unknown>> extends ServiceDeps<C> {
  root: DatabaseHandle
  log: (line: string) => void
}

/**
 * A service, as its host sees it. `plugin` registers routes and event consumers; `seed` adds
 * demo data in embedded mode (idempotent); `commands` are its operator CLI verbs.
 */
export interface ServiceModule<C = any> {
  name: ServiceName
  title: string
  description: string
  /** Variables this service adds to BaseConfig. */
  config?: TObject
  migrations: MigrationSet
  plugin: FastifyPluginAsync<ServiceDeps<C>>
  seed?: (deps: CommandContext<C>) => Promise<void>
  commands?: Record<string, (ctx: CommandContext<C>, args: string[]) => Promise<void>>
}

export const defineService = <C>(module: ServiceModule<C>): ServiceModule<C> => module

/**
 * A module that owns no data: no schema, no migrations, no event bus (the web front-end, which
 * reaches the platform through the REST API only). A stand-alone process of stateless modules
 * needs neither `DATABASE_URL` nor `NATS_URL` (`HttpConfig`); embedded, they share the host.
 */
export interface StatelessModule<C = any> {
  name: string
  title: string
  description: string
  /** Variables this module adds to HttpConfig. */
  config?: TObject
  plugin: FastifyPluginAsync<StatelessDeps<C>>
}

export interface StatelessDeps<C = Record<string, unknown>> {
  config: Readonly<HttpConfig & C>
  embedded: boolean
}

export const defineStatelessModule = <C>(module: StatelessModule<C>): StatelessModule<C> => module
