import { type Static, type TSchema, Type } from 'typebox'

export const SERVICES = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications'] as const
export type ServiceName = (typeof SERVICES)[number]

/**
 * The envelope every event travels in (CloudEvents-like). `id` is a UUIDv7, also used as the
 * JetStream `Nats-Msg-Id` so that a re-published event is de-duplicated by the server.
 */
export const EventEnvelope = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ description: 'Subject without version, e.g. osinum.identity.user.registered' }),
  version: Type.Integer({ minimum: 1 }),
  time: Type.String({ format: 'date-time' }),
  source: Type.String({ description: 'Producing service' }),
  aggregateId: Type.String(),
  data: Type.Unknown(),
})
export type EventEnvelope<D = unknown> = Omit<Static<typeof EventEnvelope>, 'data'> & { data: D }

export interface EventContract<S extends TSchema = TSchema> {
  /** Full NATS subject: osinum.<service>.<entity>.<verb>.v<version> */
  readonly subject: string
  readonly type: string
  readonly service: ServiceName
  readonly version: number
  readonly data: S
}

/** Declares an event: its subject is derived, never typed by hand. */
export function defineEvent<S extends TSchema>(
  service: ServiceName,
  entity: string,
  verb: string,
  version: number,
  data: S,
): EventContract<S> {
  const type = `osinum.${service}.${entity}.${verb}`
  return { subject: `${type}.v${version}`, type, service, version, data }
}

export type EventData<E> = E extends EventContract<infer S> ? Static<S> : never
