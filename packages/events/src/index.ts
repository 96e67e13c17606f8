export { type DeadLetter, listDeadLetters, replayDeadLetter } from './dead-letters.js'
export {
  enqueueJob,
  JOBS_CHANNEL,
  type JobContext,
  type JobOptions,
  JobRunner,
  type JobTables,
  jobTablesMigration,
} from './jobs.js'
export { MemoryTransport, subjectMatches } from './memory-transport.js'
export { type EventMetrics, eventMetrics } from './metrics.js'
export { NatsTransport, type NatsTransportOptions } from './nats-transport.js'
export { recordEvent, recordEvents } from './outbox.js'
export { OutboxRelay, type RelayOptions } from './relay.js'
export { type RepublishRange, republishEvents } from './republish.js'
export {
  RequestFailedError,
  type RequestReplyTransport,
  requestSubject,
  supportsRequests,
} from './request-reply.js'
export {
  type ConsumerOptions,
  type ConsumerOutcomes,
  type HandlerContext,
  PoisonEventError,
  ServiceEvents,
  type ServiceEventsOptions,
} from './service-events.js'
export { type EventTables, eventTablesMigration } from './tables.js'
export {
  contextFromHeaders,
  currentTraceHeaders,
  publishTraced,
  recordGetter,
  recordSetter,
} from './trace.js'
export * from './transport.js'
export type { EventLogger } from './types.js'
