import { describe, expect, it } from 'vitest'
import {
  byName,
  ciValuesFiles,
  componentName,
  type K8sObject,
  minimalValues,
  ofKind,
  productionValues,
  render,
} from '../src/helm.js'
import { DATA_SERVICES, SERVICES } from '../src/paths.js'

const FULL_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: 10001,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
}

function expectHardenedPod(podSpec: any, what: string) {
  expect(podSpec.securityContext, what).toMatchObject({
    runAsNonRoot: true,
    runAsUser: 10001,
    seccompProfile: { type: 'RuntimeDefault' },
  })
  expect(podSpec.automountServiceAccountToken, what).toBe(false)
  for (const container of podSpec.containers) {
    expect(container.securityContext, `${what} ${container.name}`).toMatchObject(FULL_SECURITY_CONTEXT)
    expect(container.resources?.requests?.cpu, `${what} requests.cpu`).toBeTruthy()
    expect(container.resources?.requests?.memory, `${what} requests.memory`).toBeTruthy()
    expect(container.resources?.limits?.memory, `${what} limits.memory`).toBeTruthy()
    const tmp = container.volumeMounts.find((m: any) => m.mountPath === '/tmp')
    expect(tmp, `${what} mounts /tmp`).toBeDefined()
    const volume = podSpec.volumes.find((v: any) => v.name === tmp.name)
    expect(volume.emptyDir, `${what} /tmp is an emptyDir`).toBeDefined()
  }
}

describe.each(ciValuesFiles().map((f) => [f.split('/').pop(), f]))(
  'Deployments rendered with %s',
  (_n, file) => {
    const objects = render({ files: [file as string] })
    const deployments = ofKind(objects, 'Deployment')

    it('has one Deployment per service', () => {
      expect(deployments.map((d) => d.metadata.name).sort()).toEqual(SERVICES.map(componentName).sort())
    })

    it.each(SERVICES)('%s: port, command, probes, resources, security context, config', (service) => {
      const d = byName(objects, 'Deployment', componentName(service))
      const pod = d.spec.template.spec
      const [container] = pod.containers
      expect(container.command).toEqual([
        'node',
        '--import',
        '@osinum/service-kit/telemetry',
        'dist/server.js',
      ])
      expect(container.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }])
      expect(container.livenessProbe.httpGet).toEqual({ path: '/livez', port: 'http' })
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' })
      expect(container.startupProbe.httpGet).toEqual({ path: '/livez', port: 'http' })
      expectHardenedPod(pod, d.metadata.name)
      expect(container.envFrom).toContainEqual({ configMapRef: { name: componentName(service) } })
      expect(d.spec.template.metadata.annotations['checksum/config']).toMatch(/^[a-f0-9]{64}$/)
      expect(d.spec.template.metadata.annotations['checksum/secret']).toMatch(/^[a-f0-9]{64}$/)
      // the Service selects these pods, and not the migration pods
      const svc = byName(objects, 'Service', componentName(service))
      expect(svc.spec.type).toBe('ClusterIP')
      expect(svc.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }])
      expect(d.spec.template.metadata.labels).toMatchObject(svc.spec.selector)
      expect(d.spec.selector.matchLabels).toEqual(svc.spec.selector)
    })

    it('web: ConfigMap carries the API URL, and no database, bus or migration setting', () => {
      const cm = byName(objects, 'ConfigMap', componentName('web'))
      expect(cm.data).toMatchObject({ PORT: '3000', HOST: '0.0.0.0', OTEL_SERVICE_NAME: 'web' })
      expect(cm.data.API_URL).toBe(cm.data.PUBLIC_URL)
      for (const key of [
        'DATABASE_URL',
        'DATABASE_SCHEMA',
        'NATS_URL',
        'EVENTS_NAMESPACE',
        'MIGRATE_ON_START',
      ])
        expect(cm.data[key], key).toBeUndefined()
    })

    it.each(DATA_SERVICES)('%s: ConfigMap carries the service configuration', (service) => {
      const cm = byName(objects, 'ConfigMap', componentName(service))
      expect(cm.data).toMatchObject({
        PORT: '3000',
        HOST: '0.0.0.0',
        DATABASE_SCHEMA: service,
        OTEL_SERVICE_NAME: service,
      })
      for (const key of [
        'LOG_LEVEL',
        'PUBLIC_URL',
        'CORS_ORIGINS',
        'NATS_URL',
        'JWKS_URL',
        'JWT_ISSUER',
        'JWT_AUDIENCE',
      ]) {
        expect(cm.data[key], key).toBeTruthy()
      }
      expect(cm.data.EVENTS_NAMESPACE).toBe('')
      // the migration Jobs migrate; the servers must not race them at start
      expect(cm.data.MIGRATE_ON_START).toBe('false')
      expect(cm.data.JWKS_URL).toBe(
        `http://${componentName('identity')}.osinum.svc.cluster.local/.well-known/jwks.json`,
      )
      if (service === 'notifications') expect(cm.data.MAIL_FROM).toBeTruthy()
      if (service === 'diagnostics') expect(cm.data.PANORAMA_MIN_GROUP_SIZE).toMatch(/^\d+$/)
    })
  },
)

describe('replicas, HPA and PDB', () => {
  it('renders no HPA nor PDB with the minimal values, and fixed replicas', () => {
    const objects = render({ files: [minimalValues] })
    expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([])
    expect(ofKind(objects, 'PodDisruptionBudget')).toEqual([])
    for (const d of ofKind(objects, 'Deployment')) expect(d.spec.replicas).toBe(1)
  })

  it('renders an HPA and a PDB only for the service that enables them', () => {
    const objects = render({
      files: [minimalValues],
      values: {
        services: {
          catalogue: {
            autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 5 },
            pdb: { enabled: true, minAvailable: 1 },
          },
        },
      },
    })
    const hpas = ofKind(objects, 'HorizontalPodAutoscaler')
    expect(hpas.map((h) => h.metadata.name)).toEqual([componentName('catalogue')])
    expect(hpas[0]!.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: componentName('catalogue') },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } },
        },
      ],
    })
    const pdbs = ofKind(objects, 'PodDisruptionBudget')
    expect(pdbs.map((p) => p.metadata.name)).toEqual([componentName('catalogue')])
    expect(pdbs[0]!.spec.selector.matchLabels).toEqual(
      byName(objects, 'Service', componentName('catalogue')).spec.selector,
    )
    // the HPA owns the replica count
    expect(byName(objects, 'Deployment', componentName('catalogue')).spec.replicas).toBeUndefined()
    expect(byName(objects, 'Deployment', componentName('identity')).spec.replicas).toBe(1)
  })

  it('production: 3 replicas, HPA and PDB for every service', () => {
    const objects = render({ files: [productionValues] })
    expect(ofKind(objects, 'HorizontalPodAutoscaler')).toHaveLength(SERVICES.length)
    expect(ofKind(objects, 'PodDisruptionBudget')).toHaveLength(SERVICES.length)
    for (const h of ofKind(objects, 'HorizontalPodAutoscaler'))
      expect(h.spec.minReplicas).toBeGreaterThanOrEqual(3)
  })

  it('a disabled service renders nothing', () => {
    const objects = render({
      files: [minimalValues],
      values: { services: { resources: { enabled: false } } },
    })
    expect(objects.filter((o) => o.metadata.name.startsWith(componentName('resources')))).toEqual([])
  })
})

describe('ServiceMonitor', () => {
  it('is rendered only when metrics.serviceMonitor.enabled', () => {
    expect(ofKind(render({ files: [minimalValues] }), 'ServiceMonitor')).toEqual([])
    const objects = render({ files: [productionValues] })
    const monitors = ofKind(objects, 'ServiceMonitor')
    expect(monitors).toHaveLength(SERVICES.length)
    for (const sm of monitors) {
      const svc = byName(objects, 'Service', sm.metadata.name)
      expect(sm.spec.selector.matchLabels).toEqual(svc.spec.selector)
      expect(sm.spec.endpoints).toEqual([
        expect.objectContaining({ port: 'http', path: '/metrics', honorLabels: true }),
      ])
      expect(sm.metadata.labels.release).toBe('kube-prometheus-stack')
    }
  })
})

describe('migration Jobs', () => {
  const check = (objects: K8sObject[]) => {
    const jobs = ofKind(objects, 'Job')
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual(
      DATA_SERVICES.map((s) => `${componentName(s)}-migrate`).sort(),
    )
    for (const job of jobs) {
      expect(job.metadata.annotations).toMatchObject({
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'helm.sh/hook-weight': expect.stringMatching(/^-?\d+$/),
        'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
      })
      const pod = job.spec.template.spec
      const [container] = pod.containers
      expect(container.command).toEqual(['node', 'dist/migrate.js'])
      expect(pod.restartPolicy).toBe('Never')
      expectHardenedPod(pod, job.metadata.name)
      // hooks run before the release's ConfigMaps/ServiceAccount exist: the Job must not need them
      expect(JSON.stringify(container.envFrom ?? [])).not.toContain('configMapRef')
      expect(pod.serviceAccountName).toBeUndefined()
      const service = String(job.metadata.labels['app.kubernetes.io/component']).replace(/-migration$/, '')
      const cm = byName(objects, 'ConfigMap', componentName(service))
      const env = Object.fromEntries(
        container.env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]),
      )
      expect(env).toEqual(cm.data)
      // and the Service never routes to a migration pod
      const svc = byName(objects, 'Service', componentName(service))
      expect(job.spec.template.metadata.labels).not.toMatchObject(svc.spec.selector)
    }
  }

  it('carry the hook annotations and run dist/migrate.js (minimal)', () =>
    check(render({ files: [minimalValues] })))
  it('carry the hook annotations and run dist/migrate.js (production)', () =>
    check(render({ files: [productionValues] })))

  it('get a hook Secret, created before them, for explicit secret values', () => {
    const objects = render({
      files: [minimalValues],
      values: { postgresql: { existingSecret: '', host: 'db.example', password: 'explicit-pw' } },
    })
    const hookSecret = byName(objects, 'Secret', `${componentName('identity')}-migrate`)
    expect(hookSecret.metadata.annotations).toMatchObject({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '-5',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    })
    const job = byName(objects, 'Job', `${componentName('identity')}-migrate`)
    expect(job.spec.template.spec.containers[0].envFrom).toEqual([
      { secretRef: { name: hookSecret.metadata.name } },
    ])
  })

  it('can be disabled', () => {
    expect(
      ofKind(render({ files: [minimalValues], values: { migrations: { enabled: false } } }), 'Job'),
    ).toEqual([])
  })
})
