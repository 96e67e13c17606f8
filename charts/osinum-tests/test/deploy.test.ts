import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { type K8sObject, parseManifests } from '../src/helm.js'
import { validateObject } from '../src/models.js'
import { deployDir } from '../src/paths.js'

const read = (path: string) => readFileSync(join(deployDir, path), 'utf8')
const yamlDocs = (path: string) => parseAllDocuments(read(path)).map((d) => d.toJS())

/** Every PromQL/LogQL-ish expression must at least have balanced brackets and quotes. */
function balanced(expr: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
  const stack: string[] = []
  let quote: string | null = null
  for (const c of expr) {
    if (quote) {
      if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'" || c === '`') quote = c
    else if ('([{'.includes(c)) stack.push(c)
    else if (c in pairs && stack.pop() !== pairs[c]) return false
  }
  return stack.length === 0 && quote === null
}

describe('deploy/docker', () => {
  const dockerfile = read('docker/Dockerfile')

  it('builds the workspace once (a stage without SERVICE), then one service chosen by ARG SERVICE, on a pinned Node 24 LTS', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-bookworm-slim$/m)
    const build = dockerfile.slice(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile variable, not a JS template
      dockerfile.indexOf('FROM ${NODE_IMAGE} AS build\n'),
      dockerfile.indexOf('AS builder'),
    )
    expect(build).toMatch(/^FROM \$\{NODE_IMAGE\} AS build$/m)
    expect(build).not.toContain('SERVICE')
    expect(build).toContain('install --frozen-lockfile')
    expect(build).toContain('run build')
    expect(dockerfile).toMatch(/^FROM build AS builder$/m)
    expect(dockerfile).toMatch(/^ARG SERVICE$/m)
    // --no-optional: the embedded PGlite database is an optional dependency, never in an image
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile variable, not a JS template
    expect(dockerfile).toContain('--filter "@osinum/${SERVICE}" deploy --prod --no-optional /out')
    expect(dockerfile).toContain('PNPM_VERSION=12.4.2')
    // What never runs leaves the deployed folder (the production install test starts the result).
    expect(dockerfile).toContain('node deploy/docker/prune.mjs /out')
  })

  it('runs as uid 10001 from /app with the telemetry preload', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'))
    expect(runtime).toMatch(/^USER 10001:10001$/m)
    expect(runtime).toMatch(/^WORKDIR \/app$/m)
    expect(runtime).toContain('COPY --from=builder --chown=0:0 /out /app')
    expect(runtime).toMatch(
      /^CMD \["node", "--import", "@osinum\/service-kit\/telemetry", "dist\/server.js"\]$/m,
    )
  })

  it('has a per-Dockerfile ignore file that keeps local state and secrets out of the context', () => {
    const ignore = read('docker/Dockerfile.dockerignore').split('\n')
    for (const entry of ['**/node_modules', '**/dist', '.git', '.env', '.tools'])
      expect(ignore).toContain(entry)
    // the lockfile's workspace projects must stay in the context for --frozen-lockfile
    expect(ignore).toContain('!charts/osinum-tests/package.json')
    // deploy/ stays out, except the prune script the builder stage runs
    expect(ignore.indexOf('!deploy/docker/prune.mjs')).toBeGreaterThan(ignore.indexOf('deploy'))
  })
})

describe('deploy/cloudnative-pg/cluster.yaml', () => {
  const docs = yamlDocs('cloudnative-pg/cluster.yaml')
  const cluster = docs.find((d) => d.kind === 'Cluster')

  it('declares one database osinum owned by osinum, over TLS, with 3 instances', () => {
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1')
    expect(cluster.spec.instances).toBe(3)
    expect(cluster.spec.bootstrap.initdb).toMatchObject({ database: 'osinum', owner: 'osinum' })
    expect(cluster.spec.postgresql.pg_hba.every((line: string) => line.startsWith('hostssl'))).toBe(true)
  })

  it('archives WAL and takes nightly base backups to S3', () => {
    const store = docs.find((d) => d.kind === 'ObjectStore')
    expect(store.spec.configuration.destinationPath).toMatch(/^s3:\/\//)
    expect(cluster.spec.plugins).toContainEqual(
      expect.objectContaining({ isWALArchiver: true, parameters: { barmanObjectName: store.metadata.name } }),
    )
    const scheduled = docs.find((d) => d.kind === 'ScheduledBackup')
    expect(scheduled.spec.cluster.name).toBe(cluster.metadata.name)
    expect(scheduled.spec.method).toBe('plugin')
  })
})

describe('deploy/nats/values.yaml', () => {
  const values = parse(read('nats/values.yaml'))
  it('runs a 3-node cluster with JetStream on file storage', () => {
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 })
    expect(values.config.jetstream.enabled).toBe(true)
    expect(values.config.jetstream.fileStore).toMatchObject({ enabled: true, pvc: { enabled: true } })
    expect(values.config.jetstream.memoryStore.enabled).toBe(false)
  })
})

describe('deploy/otel/collector.yaml', () => {
  const config = parse(read('otel/collector.yaml'))
  it('receives OTLP (gRPC 4317, HTTP 4318), limits memory first, batches, exports traces and metrics', () => {
    expect(config.receivers.otlp.protocols.grpc.endpoint).toMatch(/:4317$/)
    expect(config.receivers.otlp.protocols.http.endpoint).toMatch(/:4318$/)
    expect(config.processors).toHaveProperty('memory_limiter')
    expect(config.processors).toHaveProperty('batch')
    expect(Object.keys(config.exporters)).toEqual(expect.arrayContaining(['otlp/traces', 'prometheus']))
    for (const [name, pipeline] of Object.entries<any>(config.service.pipelines)) {
      expect(pipeline.processors[0], name).toBe('memory_limiter')
      expect(pipeline.processors.at(-1), name).toBe('batch')
      for (const component of [...pipeline.receivers, ...pipeline.exporters]) {
        const declared = { ...config.receivers, ...config.exporters, ...config.connectors }
        expect(declared, `${name} uses ${component}`).toHaveProperty([component])
      }
    }
  })
})

describe('deploy/prometheus/alerts.yaml', () => {
  const [rule] = parseManifests(read('prometheus/alerts.yaml')) as K8sObject[]
  const alerts: any[] = rule!.spec.groups.flatMap((g: any) => g.rules)

  it('is a PrometheusRule that validates with the prometheus-operator model', () => {
    expect(rule!.kind).toBe('PrometheusRule')
    expect(() => validateObject(rule!)).not.toThrow()
  })

  it.each([
    ['outbox backlog growing', 'osinum_outbox_backlog'],
    ['dead letters present', 'osinum_dead_letters'],
    ['consumer lag', 'osinum_consumer_lag'],
    ['5xx rate', 'http_request_duration_seconds_count{status_code=~"5.."}'],
    ['email failures', 'osinum_email_deliveries_total{outcome="failed"}'],
    ['signing key expiry', 'osinum_signing_key_expiry_timestamp_seconds'],
    ['TLS certificate expiry', 'probe_ssl_earliest_cert_expiry'],
    ['event bus disconnected', 'osinum_event_bus_connected'],
    ['database unreachable', 'osinum_database_up'],
  ])('alerts on %s (%s)', (_what, metric) => {
    expect(alerts.some((a) => a.expr.includes(metric))).toBe(true)
  })

  it('gives every alert a severity, a summary and a runbook section that exists in docs/operations.md', () => {
    const operations = readFileSync(join(deployDir, '..', 'docs', 'operations.md'), 'utf8')
    const anchors = new Set(
      [...operations.matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .trim()
          .replace(/ /g, '-'),
      ),
    )
    for (const alert of alerts) {
      expect(['warning', 'critical'], alert.alert).toContain(alert.labels.severity)
      expect(alert.annotations.summary, alert.alert).toBeTruthy()
      expect(balanced(alert.expr), `${alert.alert}: ${alert.expr}`).toBe(true)
      const anchor = String(alert.annotations.runbook).split('#')[1]
      expect(anchors, `${alert.alert} → #${anchor}`).toContain(anchor)
    }
  })
})

describe('deploy/grafana dashboards', () => {
  const files = readdirSync(join(deployDir, 'grafana')).filter((f) => f.endsWith('.json'))
  const load = (file: string) => JSON.parse(read(`grafana/${file}`))
  const exprs = (board: any): string[] =>
    board.panels
      .flatMap((p: any) => [...(p.targets ?? []), ...(p.panels ?? []).flatMap((q: any) => q.targets ?? [])])
      .map((t: any) => t.expr)

  it('has one dashboard per concern', () => {
    expect(files.sort()).toEqual([
      'osinum-dead-letters.json',
      'osinum-diagnostics.json',
      'osinum-email.json',
      'osinum-events.json',
      'osinum-http.json',
    ])
  })

  it.each([
    [
      'osinum-http.json',
      [
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_count',
        'status_code=~"5.."',
        'histogram_quantile(0.5,',
        'histogram_quantile(0.95,',
        'histogram_quantile(0.99,',
        'by (service, le)',
        'method, route',
      ],
    ],
    [
      'osinum-events.json',
      [
        'osinum_outbox_backlog',
        'osinum_consumer_lag',
        'osinum_events_published_total',
        'by (service)',
        'by (consumer)',
      ],
    ],
    ['osinum-dead-letters.json', ['osinum_dead_letters', 'by (service, consumer)']],
    ['osinum-email.json', ['osinum_email_deliveries_total', 'by (outcome)', 'outcome="failed"']],
    ['osinum-diagnostics.json', ['osinum_diagnostics_submitted_total', '[1d]']],
  ])('%s queries %j', (file, needles) => {
    const all = exprs(load(file)).join('\n')
    for (const needle of needles) expect(all).toContain(needle)
  })

  it.each(files)('%s is a well-formed Grafana dashboard', (file) => {
    const board = load(file)
    expect(board.uid).toMatch(/^osinum-[a-z-]+$/)
    expect(board.title).toMatch(/^osinum \/ /)
    expect(board.tags).toContain('osinum')
    expect(board.templating.list.map((v: any) => v.name)).toEqual(
      expect.arrayContaining(['datasource', 'namespace']),
    )
    const ids = board.panels.map((p: any) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    const panels = board.panels.filter((p: any) => p.type !== 'row')
    expect(panels.length).toBeGreaterThan(0)
    for (const panel of panels) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Grafana variable, not a JS template
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' })
      expect(panel.targets.length, panel.title).toBeGreaterThan(0)
      expect(panel.gridPos.w + panel.gridPos.x, panel.title).toBeLessThanOrEqual(24)
      for (const target of panel.targets) {
        expect(balanced(target.expr), `${panel.title}: ${target.expr}`).toBe(true)
        // every query is scoped to the namespace picked in the dashboard
        expect(target.expr, panel.title).toContain('namespace="$namespace"')
      }
    }
  })
})

describe('deploy files exist', () => {
  it.each([
    'docker/Dockerfile',
    'cloudnative-pg/cluster.yaml',
    'nats/values.yaml',
    'otel/collector.yaml',
    'prometheus/alerts.yaml',
  ])('%s', (f) => {
    expect(existsSync(join(deployDir, f))).toBe(true)
  })
})
