/**
 * A probe consumer in a process of its own, for batches.test.ts: its acks never leave. When the
 * first batch has committed (its first ack is due) it prints `committed` and waits to be killed.
 * Arguments: DATABASE_URL NATS_URL namespace consumer-schema ack-wait-ms.
 */
import { openDatabase, schemaDb } from '@osinum/db'
import { NatsTransport } from '../nats-transport.js'
import { ServiceEvents } from '../service-events.js'
import { EventNaming } from '../transport.js'
import { consumeProbes, replaceAcks, silentLogger } from './probe.js'

const [databaseUrl, natsUrl, namespace, schema, ackWaitMs] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
]
const root = openDatabase({ url: databaseUrl, poolSize: 2 })
const nats = await NatsTransport.connect({ url: natsUrl })
let told = false
const transport = replaceAcks(nats, () => () => {
  if (!told) process.stdout.write('committed\n')
  told = true
})
const consumer = new ServiceEvents({
  service: 'notifications',
  db: schemaDb(root.db, schema),
  schema,
  transport,
  naming: new EventNaming(namespace),
  logger: silentLogger,
})
// One lane, and time for the whole backlog to make one batch: the batch is then committed whole.
consumeProbes(consumer, undefined, { ackWaitMs: Number(ackWaitMs), concurrency: 1, batchWaitMs: 2_000 })
await consumer.start()
process.stdout.write('started\n')
