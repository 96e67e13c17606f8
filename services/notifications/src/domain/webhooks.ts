import { createHmac, randomBytes } from 'node:crypto'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import type { EventEnvelope } from '@osinum/contracts'
import type { EventLogger } from '@osinum/events'
import type { Counter } from '@osinum/service-kit'
import { FieldsError, Forbidden, NotFound, type Principal } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import {
  type Db,
  type DbOrTrx,
  json,
  type Trx,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
} from './db.js'

/**
 * Signed webhooks (Standard Webhooks convention): an operator's admin registers HTTPS endpoints
 * with event-type filters; each matching event is POSTed with `webhook-id`, `webhook-timestamp`
 * and `webhook-signature: v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<body>")>`.
 */

/** Event types an endpoint may subscribe to ('*' = all). Authentication events are never forwarded. */
export const WEBHOOK_EVENT_TYPES = [
  'osinum.identity.organisation.created',
  'osinum.identity.organisation.updated',
  'osinum.diagnostics.diagnostic.submitted',
  'osinum.diagnostics.support-request.requested',
  'osinum.diagnostics.support-request.assigned',
  'osinum.diagnostics.support-request.closed',
  'osinum.diagnostics.reminder.due',
  'osinum.catalogue.tool.published',
  'osinum.catalogue.review.submitted',
  'osinum.resources.resource.published',
  'osinum.resources.content.reported',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** Which endpoints may see an event: every one, those of one operator (and national ones), or national only. */
export type WebhookScope =
  | { kind: 'all' }
  | { kind: 'operator'; operatorId: string | null }
  | { kind: 'national' }

// --- secrets and signatures ---

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64')
}

/** `v1,<base64>` over `${id}.${timestamp}.${body}` with the base64-decoded secret. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/** What a receiver does (shown in the README): true when one of the signatures matches. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const id = String(headers['webhook-id'] ?? '')
  const timestamp = Number(headers['webhook-timestamp'])
  const signatures = String(headers['webhook-signature'] ?? '').split(' ')
  if (!id || !Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  const expected = signWebhook(secret, id, timestamp, body)
  return signatures.some((s) => s.length === expected.length && s === expected)
}

// --- targets ---

const privateRanges = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(net, prefix, 'ipv6')

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4')
  const family = isIP(address)
  if (family === 0) return true
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** HTTPS only; plain http to a loopback host only when insecure targets are allowed (tests). */
export function checkTargetUrl(raw: string, allowInsecure: boolean): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new FieldsError([{ field: 'url', message: 'must be an absolute URL' }])
  }
  if (url.username || url.password)
    throw new FieldsError([{ field: 'url', message: 'must not contain credentials' }])
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const internal = LOOPBACK_HOSTS.has(url.hostname) || (isIP(host) !== 0 && isPrivateAddress(host))
  if (url.protocol === 'https:') {
    if (internal && !allowInsecure)
      throw new FieldsError([{ field: 'url', message: 'must not target a private or loopback address' }])
    return url.toString()
  }
  if (url.protocol === 'http:' && allowInsecure && LOOPBACK_HOSTS.has(url.hostname)) return url.toString()
  throw new FieldsError([{ field: 'url', message: 'must be an https:// URL' }])
}

/** DNS lookup that refuses private addresses at connection time (no DNS-rebinding detour). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return (callback as (e: Error | null, a: LookupAddress[]) => void)(err, [])
      const list = addresses as LookupAddress[]
      const allowed = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address))
      if (allowed.length === 0) {
        const e = new Error(`${hostname} resolves to a private address`) as NodeJS.ErrnoException
        e.code = 'EPRIVATE'
        return (callback as (e: Error | null, a: LookupAddress[]) => void)(e, [])
      }
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: LookupAddress[]) => void)(null, allowed)
      else
        (callback as (e: null, a: string, f: number) => void)(null, allowed[0]!.address, allowed[0]!.family)
    })
  }
}

// --- endpoints ---

export interface EndpointView {
  id: string
  operatorId: string | null
  url: string
  description: string
  eventTypes: string[]
  enabled: boolean
  consecutiveFailures: number
  disabledAt: string | null
  disabledReason: string | null
  createdAt: string
  updatedAt: string
}

export function endpointView(e: WebhookEndpoint): EndpointView {
  return {
    id: e.id,
    operatorId: e.operator_id,
    url: e.url,
    description: e.description,
    eventTypes: e.event_types,
    enabled: e.enabled,
    consecutiveFailures: e.consecutive_failures,
    disabledAt: e.disabled_at ? new Date(e.disabled_at).toISOString() : null,
    disabledReason: e.disabled_reason,
    createdAt: new Date(e.created_at).toISOString(),
    updatedAt: new Date(e.updated_at).toISOString(),
  }
}

/** The platform admin sees every endpoint; an operator's admin only their operator's (the scope rule). */
function visible(principal: Principal) {
  return (e: { operator_id: string | null }) => principal.administers(e.operator_id)
}

export async function createEndpoint(
  db: DbOrTrx,
  principal: Principal,
  input: { url: string; description?: string; eventTypes: string[]; operatorId?: string | null },
  allowInsecure: boolean,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const url = checkTargetUrl(input.url, allowInsecure)
  // An endpoint of its own operator by default; another operator's (or a national one) only
  // for whoever administers it (the platform admin).
  const operatorId = input.operatorId === undefined ? principal.operatorId : input.operatorId
  if (!principal.administers(operatorId)) throw new Forbidden()
  const secret = generateWebhookSecret()
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      id: uuidv7(),
      operator_id: operatorId,
      url,
      description: input.description ?? '',
      event_types: json([...new Set(input.eventTypes)]),
      secret,
      enabled: true,
      created_by: principal.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { endpoint: endpointView(row), secret }
}

export async function getEndpoint(db: DbOrTrx, principal: Principal, id: string): Promise<WebhookEndpoint> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst()
  // Another operator's endpoint does not exist, as far as this admin can tell.
  if (!row || !visible(principal)(row)) throw new NotFound('Webhook endpoint')
  return row
}

export async function listEndpoints(
  db: DbOrTrx,
  principal: Principal,
  page: { limit: number; offset: number },
) {
  let q = db.selectFrom('webhook_endpoints')
  if (!principal.isPlatformAdmin) q = q.where('operator_id', '=', principal.operatorId)
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(endpointView), total: total.n, ...page }
}

export async function updateEndpoint(
  db: DbOrTrx,
  principal: Principal,
  id: string,
  patch: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean },
  allowInsecure: boolean,
): Promise<EndpointView> {
  const current = await getEndpoint(db, principal, id)
  const url = patch.url === undefined ? current.url : checkTargetUrl(patch.url, allowInsecure)
  const reenabling = patch.enabled === true && !current.enabled
  const row = await db
    .updateTable('webhook_endpoints')
    .set({
      url,
      description: patch.description ?? current.description,
      event_types: json(patch.eventTypes ? [...new Set(patch.eventTypes)] : current.event_types),
      enabled: patch.enabled ?? current.enabled,
      ...(reenabling ? { consecutive_failures: 0, disabled_at: null, disabled_reason: null } : {}),
      ...(patch.enabled === false && current.enabled
        ? { disabled_at: sql<Date>`now()`, disabled_reason: 'disabled by an administrator' }
        : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return endpointView(row)
}

export async function deleteEndpoint(db: DbOrTrx, principal: Principal, id: string): Promise<void> {
  await getEndpoint(db, principal, id)
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute()
}

export interface WebhookDeliveryView {
  id: string
  eventId: string
  eventType: string
  status: WebhookDeliveryStatus
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  createdAt: string
  deliveredAt: string | null
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

function deliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return {
    id: d.id,
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.last_status_code,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    createdAt: iso(d.created_at)!,
    deliveredAt: iso(d.delivered_at),
  }
}

export async function listEndpointDeliveries(
  db: DbOrTrx,
  principal: Principal,
  id: string,
  page: { limit: number; offset: number },
) {
  await getEndpoint(db, principal, id)
  const q = db.selectFrom('webhook_deliveries').where('endpoint_id', '=', id)
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(deliveryView), total: total.n, ...page }
}

// --- fan-out (in the consumer's transaction) ---

/**
 * Queues one delivery per enabled endpoint subscribed to this event and allowed to see it.
 * UNIQUE (endpoint_id, event_id): a redelivered event queues nothing more.
 */
export async function enqueueWebhooks(
  trx: Trx,
  event: EventEnvelope<unknown>,
  scope: WebhookScope,
): Promise<number> {
  let q = trx
    .selectFrom('webhook_endpoints')
    .select(['id'])
    .where('enabled', '=', true)
    .where((eb) =>
      eb.or([
        eb(sql`event_types`, '@>', sql`${json([event.type])}::jsonb`),
        eb(sql`event_types`, '@>', sql`${json(['*'])}::jsonb`),
      ]),
    )
  if (scope.kind === 'national') q = q.where('operator_id', 'is', null)
  if (scope.kind === 'operator') {
    const { operatorId } = scope
    q = operatorId
      ? q.where((eb) => eb.or([eb('operator_id', 'is', null), eb('operator_id', '=', operatorId)]))
      : q.where('operator_id', 'is', null)
  }
  const endpoints = await q.execute()
  if (endpoints.length === 0) return 0
  const payload = JSON.stringify({ id: event.id, type: event.type, timestamp: event.time, data: event.data })
  await trx
    .insertInto('webhook_deliveries')
    .values(
      endpoints.map((e) => ({
        id: uuidv7(),
        endpoint_id: e.id,
        event_id: event.id,
        event_type: event.type,
        payload,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: sql<Date>`now()`,
      })),
    )
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .execute()
  return endpoints.length
}

// --- sender ---

export interface WebhookSenderOptions {
  db: Db
  allowInsecure: boolean
  timeoutMs: number
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
  disableAfterFailures: number
  pollIntervalMs: number
  batchSize?: number
  log: EventLogger
  counter?: Counter<'outcome'>
}

interface PostResult {
  ok: boolean
  status: number | null
  error: string | null
}

/** POSTs one signed payload; never follows redirects; 2xx = delivered. */
export function postWebhook(
  target: string,
  secret: string,
  id: string,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  const url = new URL(target)
  const timestamp = Math.floor(Date.now() / 1000)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'osinum-webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(secret, id, timestamp, body),
        },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume()
        res.on('end', () => {
          const status = res.statusCode ?? 0
          resolve({
            ok: status >= 200 && status < 300,
            status,
            error: status >= 300 ? `HTTP ${status}` : null,
          })
        })
        res.on('error', (e) => resolve({ ok: false, status: res.statusCode ?? null, error: e.message }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)))
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ok: false, status: null, error: `${e.code ?? 'ERROR'}: ${e.message}`.slice(0, 500) }),
    )
    req.end(body)
  })
}

/**
 * Webhook delivery loop. Rows are leased (locked_until) in a short transaction and posted
 * outside it, so a slow receiver never holds a database connection; a lease that expires (crash)
 * makes the row due again. Each failed attempt counts towards the endpoint's consecutive
 * failures; past the threshold the endpoint is disabled and its pending deliveries fail.
 */
export class WebhookSender {
  private stopped = true
  private loopPromise: Promise<void> | undefined
  private waker: (() => void) | undefined

  constructor(private readonly o: WebhookSenderOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.loopPromise = this.loop()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.waker?.()
    await this.loopPromise
  }

  wake(): void {
    this.waker?.()
    const t = setTimeout(() => this.waker?.(), 60)
    t.unref?.()
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let handled = 0
      try {
        handled = await this.runOnce()
      } catch (error) {
        this.o.log.warn({ err: error }, 'webhook sender: pass failed, will retry')
      }
      if (this.stopped) break
      if (handled > 0) continue
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.o.pollIntervalMs)
        t.unref?.()
        this.waker = () => {
          clearTimeout(t)
          this.waker = undefined
          resolve()
        }
      })
    }
  }

  async runOnce(): Promise<number> {
    const leaseMs = this.o.timeoutMs * 2 + 5_000
    const claimed = await this.o.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .select(['d.id', 'd.endpoint_id', 'd.event_id', 'd.payload', 'd.attempts', 'e.url', 'e.secret'])
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', sql<Date>`now()`)
        .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<', sql<Date>`now()`)]))
        .where('e.enabled', '=', true)
        .orderBy('d.next_attempt_at')
        .limit(this.o.batchSize ?? 20)
        .forUpdate('d')
        .skipLocked()
        .execute()
      if (rows.length)
        await trx
          .updateTable('webhook_deliveries')
          .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})` })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      return rows
    })
    if (claimed.length === 0) return 0
    const results = await Promise.all(
      claimed.map((r) =>
        postWebhook(r.url, r.secret, r.event_id, r.payload, {
          timeoutMs: this.o.timeoutMs,
          allowPrivate: this.o.allowInsecure,
        }),
      ),
    )
    for (const [i, r] of claimed.entries()) await this.record(r, results[i]!)
    return claimed.length
  }

  private async record(r: { id: string; endpoint_id: string; attempts: number }, result: PostResult) {
    const attempts = r.attempts + 1
    let outcome: 'delivered' | 'retried' | 'failed' = 'delivered'
    await this.o.db.transaction().execute(async (trx) => {
      if (result.ok) {
        await trx
          .updateTable('webhook_deliveries')
          .set({
            status: 'delivered',
            attempts,
            last_status_code: result.status,
            last_error: null,
            locked_until: null,
            delivered_at: sql<Date>`now()`,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', r.id)
          .execute()
        await trx
          .updateTable('webhook_endpoints')
          .set({ consecutive_failures: 0 })
          .where('id', '=', r.endpoint_id)
          .execute()
        return
      }
      // Counting the failure locks the endpoint row: concurrent results for it are recorded one by one.
      const endpoint = await trx
        .updateTable('webhook_endpoints')
        .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }))
        .where('id', '=', r.endpoint_id)
        .returning(['consecutive_failures', 'enabled'])
        .executeTakeFirst()
      const disableNow = Boolean(
        endpoint?.enabled && endpoint.consecutive_failures >= this.o.disableAfterFailures,
      )
      const endpointOff = !endpoint?.enabled || disableNow
      const giveUp = attempts >= this.o.maxAttempts || endpointOff
      outcome = giveUp ? 'failed' : 'retried'
      const delay = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** (attempts - 1))
      await trx
        .updateTable('webhook_deliveries')
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          last_status_code: result.status,
          last_error: endpointOff ? `${result.error ?? 'failed'}; endpoint disabled` : result.error,
          locked_until: null,
          next_attempt_at: giveUp ? null : sql<Date>`now() + make_interval(secs => ${delay / 1000})`,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', r.id)
        .execute()
      if (disableNow) {
        await trx
          .updateTable('webhook_endpoints')
          .set({
            enabled: false,
            disabled_at: sql<Date>`now()`,
            disabled_reason: `${endpoint!.consecutive_failures} consecutive failed deliveries (last: ${result.error ?? 'unknown'})`,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', r.endpoint_id)
          .execute()
        await trx
          .updateTable('webhook_deliveries')
          .set({
            status: 'failed',
            last_error: 'endpoint disabled',
            locked_until: null,
            updated_at: sql<Date>`now()`,
          })
          .where('endpoint_id', '=', r.endpoint_id)
          .where('status', '=', 'pending')
          .execute()
        this.o.log.warn({ endpointId: r.endpoint_id }, 'webhook endpoint disabled after repeated failures')
      }
    })
    this.o.counter?.inc({ outcome })
  }
}
