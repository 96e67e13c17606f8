import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { byName, componentName, minimalValues, render } from '../src/helm.js'
import { validateObject } from '../src/models.js'
import { chartDir } from '../src/paths.js'

const SERVICES_WITH_DATA = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications']

describe('what an operator tunes through values', () => {
  it('gives every service the stream replicas, the sampler and the shutdown delay', () => {
    const objects = render({
      files: [minimalValues],
      values: {
        nats: { streamReplicas: 3 },
        telemetry: { samplerRatio: 0.25 },
        config: { shutdownDelaySeconds: 8, rateLimitMax: 1200, outboxRetentionDays: 30 },
        terminationGracePeriodSeconds: 40,
      },
    })
    for (const service of SERVICES_WITH_DATA) {
      const data = byName(objects, 'ConfigMap', componentName(service)).data
      expect(data).toMatchObject({
        NATS_STREAM_REPLICAS: '3',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        SHUTDOWN_DELAY_SECONDS: '8',
        RATE_LIMIT_MAX: '1200',
        OUTBOX_RETENTION_DAYS: '30',
      })
    }
  })

  it('samples one request in ten by default, parent-based', () => {
    const data = byName(render({ files: [minimalValues] }), 'ConfigMap', componentName('identity')).data
    expect(data.OTEL_TRACES_SAMPLER).toBe('parentbased_traceidratio')
    expect(data.OTEL_TRACES_SAMPLER_ARG).toBe('0.1')
    expect(data.NATS_STREAM_REPLICAS).toBe('1')
  })

  it('passes the front-end URLs and the access token lifetime to identity only', () => {
    const objects = render({
      files: [minimalValues],
      values: {
        config: {
          accessTokenTtlSeconds: 600,
          frontendUrls: {
            magicLink: 'https://app.example.fr/lien',
            invitation: 'https://app.example.fr/invitation',
            oidcSuccess: 'https://app.example.fr/sso',
          },
        },
      },
    })
    expect(byName(objects, 'ConfigMap', componentName('identity')).data).toMatchObject({
      ACCESS_TOKEN_TTL_SECONDS: '600',
      MAGIC_LINK_URL: 'https://app.example.fr/lien',
      INVITATION_URL: 'https://app.example.fr/invitation',
      OIDC_SUCCESS_REDIRECT: 'https://app.example.fr/sso',
    })
    expect(
      byName(objects, 'ConfigMap', componentName('identity')).data.EMAIL_VERIFICATION_URL,
    ).toBeUndefined()
    expect(byName(objects, 'ConfigMap', componentName('catalogue')).data.MAGIC_LINK_URL).toBeUndefined()
  })

  it('labels every scraped series with the osinum service name', () => {
    const objects = render({
      files: [minimalValues],
      values: { metrics: { serviceMonitor: { enabled: true } } },
    })
    const sm = byName(objects, 'ServiceMonitor', componentName('diagnostics'))
    expect(sm.spec.endpoints[0].relabelings).toEqual([
      { targetLabel: 'service', replacement: 'diagnostics', action: 'replace' },
    ])
  })
})

describe('disruption budgets never block a node drain', () => {
  it('keeps minAvailable when replicas leave a pod to evict', () => {
    const objects = render({
      files: [minimalValues],
      values: { services: { catalogue: { replicaCount: 3, pdb: { enabled: true, minAvailable: 2 } } } },
    })
    expect(byName(objects, 'PodDisruptionBudget', componentName('catalogue')).spec).toMatchObject({
      minAvailable: 2,
    })
  })

  it.each([
    ['one replica, minAvailable 1', { replicaCount: 1, pdb: { enabled: true, minAvailable: 1 } }],
    ['minAvailable 100%', { replicaCount: 3, pdb: { enabled: true, minAvailable: '100%' } }],
    [
      'autoscaling from 2, minAvailable 2',
      {
        replicaCount: 5,
        autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4 },
        pdb: { enabled: true, minAvailable: 2 },
      },
    ],
  ])('lets one pod go at a time when %s', (_name, catalogue) => {
    const objects = render({ files: [minimalValues], values: { services: { catalogue } } })
    const spec = byName(objects, 'PodDisruptionBudget', componentName('catalogue')).spec
    expect(spec.maxUnavailable).toBe(1)
    expect(spec.minAvailable).toBeUndefined()
  })
})

describe('public API documentation', () => {
  const routed = (objects: ReturnType<typeof render>) => {
    const ingress = objects.find((o) => o.kind === 'Ingress')!
    return ingress.spec.rules[0].http.paths.map((p: any) => [p.path, p.backend.service.name])
  }

  it('is not routed by default', () => {
    const objects = render({ files: [minimalValues], values: { ingress: { enabled: true } } })
    expect(routed(objects).map(([path]: string[]) => path)).not.toContain('/docs')
  })

  it('routes /docs and /openapi.json to the service named by apiDocs.service, on the Ingress and the HTTPRoute', () => {
    const objects = render({
      files: [minimalValues],
      values: {
        apiDocs: { service: 'catalogue' },
        ingress: { enabled: true },
        httpRoute: { enabled: true, parentRefs: [{ name: 'public' }] },
      },
    })
    expect(routed(objects)).toEqual(
      expect.arrayContaining([
        ['/docs', componentName('catalogue')],
        ['/openapi.json', componentName('catalogue')],
      ]),
    )
    const rules = objects.find((o) => o.kind === 'HTTPRoute')!.spec.rules
    const catalogue = rules.find((r: any) => r.backendRefs[0].name === componentName('catalogue'))
    expect(catalogue.matches.map((m: any) => m.path.value)).toEqual(
      expect.arrayContaining(['/docs', '/openapi.json']),
    )
  })
})

describe('alerts and dashboards rendered from deploy/', () => {
  const repo = join(chartDir, '..', '..')
  const objects = render({
    files: [minimalValues],
    values: {
      metrics: {
        prometheusRule: { enabled: true, labels: { release: 'kube-prometheus-stack' } },
        grafanaDashboards: { enabled: true },
      },
    },
  })

  it('renders the PrometheusRule with the rules of deploy/prometheus/alerts.yaml', () => {
    const rule = objects.find((o) => o.kind === 'PrometheusRule')!
    const source = parse(readFileSync(join(repo, 'deploy/prometheus/alerts.yaml'), 'utf8'))
    expect(rule.metadata.labels.release).toBe('kube-prometheus-stack')
    expect(rule.spec).toEqual(source.spec)
    validateObject(rule)
  })

  it('renders one ConfigMap per dashboard of deploy/grafana, labelled for the Grafana sidecar', () => {
    const dashboards = readdirSync(join(repo, 'deploy/grafana')).filter((f) => f.endsWith('.json'))
    const maps = objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.labels.grafana_dashboard === '1')
    expect(maps).toHaveLength(dashboards.length)
    for (const file of dashboards) {
      const map = maps.find((m) => m.data[file])
      expect(JSON.parse(map!.data[file])).toEqual(
        JSON.parse(readFileSync(join(repo, 'deploy/grafana', file), 'utf8')),
      )
    }
  })

  it('renders neither by default', () => {
    const plain = render({ files: [minimalValues] })
    expect(plain.filter((o) => o.kind === 'PrometheusRule' || o.metadata.labels?.grafana_dashboard)).toEqual(
      [],
    )
  })
})
