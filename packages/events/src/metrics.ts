import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

type Source = () => Promise<Array<{ labels: Record<string, string>; value: number }>>

/** Event metrics, one set per registry (the embedded process shares one registry for five services). */
export interface EventMetrics {
  published: Counter<'service'>
  consumed: Counter<'consumer' | 'outcome'>
  latency: Histogram<'consumer'>
  addSource(metric: 'backlog' | 'deadLetters' | 'lag', source: Source): () => void
}

const cache = new WeakMap<Registry, EventMetrics>()

export function eventMetrics(registry: Registry): EventMetrics {
  const existing = cache.get(registry)
  if (existing) return existing
  const sources = { backlog: new Set<Source>(), deadLetters: new Set<Source>(), lag: new Set<Source>() }
  const gauge = (name: string, help: string, labelNames: string[], key: keyof typeof sources) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset()
        for (const source of sources[key]) {
          try {
            for (const { labels, value } of await source()) this.set(labels, value)
          } catch {
            // A source that cannot answer (database down) reports nothing rather than failing the scrape.
          }
        }
      },
    })
  gauge('osinum_outbox_backlog', 'Events committed but not yet published', ['service'], 'backlog')
  gauge(
    'osinum_dead_letters',
    'Dead-lettered events awaiting an operator',
    ['service', 'consumer'],
    'deadLetters',
  )
  gauge('osinum_consumer_lag', 'Messages a consumer has not processed yet', ['consumer'], 'lag')
  const metrics: EventMetrics = {
    published: new Counter({
      name: 'osinum_events_published_total',
      help: 'Events relayed from the outbox to the bus',
      labelNames: ['service'],
      registers: [registry],
    }),
    consumed: new Counter({
      name: 'osinum_events_consumed_total',
      help: 'Event deliveries handled by consumers, by outcome',
      labelNames: ['consumer', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'osinum_event_latency_seconds',
      help: 'From event creation to consumer commit',
      labelNames: ['consumer'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
      registers: [registry],
    }),
    addSource(metric, source) {
      sources[metric].add(source)
      return () => sources[metric].delete(source)
    },
  }
  cache.set(registry, metrics)
  return metrics
}
