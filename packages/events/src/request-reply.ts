import type { EventNaming, EventTransport, Subscription } from './transport.js'

/**
 * Request-reply between services, for answers that must never be stored: core NATS subjects
 * (outside every stream, so nothing is kept by JetStream), or direct calls in the in-process bus.
 * Used where durability would be wrong, e.g. the GDPR export, whose answers hold personal data.
 */
export interface RequestReplyTransport {
  /** Sends `data` to one responder of `subject` and resolves with its answer. */
  request(subject: string, data: string, timeoutMs: number): Promise<string>
  /** Answers requests on `subject`; replicas in the same `queue` share them (one answers each). */
  respond(subject: string, queue: string, handler: (data: string) => Promise<string>): Promise<Subscription>
}

/** Why a request got no answer: nobody listens, nobody answered in time, or the responder failed. */
export class RequestFailedError extends Error {
  constructor(
    readonly subject: string,
    readonly reason: 'no-responders' | 'timeout' | 'responder-failed' | 'unsupported',
    detail?: string,
  ) {
    super(`request on ${subject} failed (${reason})${detail ? `: ${detail}` : ''}`)
  }
}

export function supportsRequests(t: EventTransport): t is EventTransport & RequestReplyTransport {
  const candidate = t as Partial<RequestReplyTransport>
  return typeof candidate.request === 'function' && typeof candidate.respond === 'function'
}

/** What travels back: the handler's answer, or why it failed (its message only, never a stack). */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string }

/**
 * `osinum.rpc.<service>.<topic>` (namespaced like events): no stream captures it (streams hold
 * `osinum.<producing service>.>`), so requests and answers are never stored.
 */
export function requestSubject(naming: EventNaming, service: string, topic: string): string {
  return naming.subject(`osinum.rpc.${service}.${topic}`)
}

/** Encodes a handler's outcome as the answer of a request. */
export async function answer(handler: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify({ ok: true, data: await handler() } satisfies Reply)
  } catch (error) {
    return JSON.stringify({ ok: false, error: String((error as Error)?.message ?? error) } satisfies Reply)
  }
}

/** Decodes an answer: its data, or a RequestFailedError carrying the responder's message. */
export function unwrap<T>(subject: string, raw: string): T {
  const reply = JSON.parse(raw) as Reply
  if (!reply.ok) throw new RequestFailedError(subject, 'responder-failed', reply.error)
  return reply.data as T
}
