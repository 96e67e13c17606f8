import { describe, expect, it } from 'vitest'
import { byName, componentName, minimalValues, ofKind, productionValues, render } from '../src/helm.js'
import { DATA_SERVICES, SERVICES } from '../src/paths.js'

const INGRESS_CONTROLLER = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
}
const SCRAPER = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
}
const DNS = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
}
const POSTGRESQL = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'databases' } },
  podSelector: { matchLabels: { 'cnpg.io/cluster': 'osinum-pg' } },
}
const NATS = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'nats' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'nats' } },
}
const OTLP = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' } },
}

type Port = { protocol: string; port: number | string }
const portsOf = (rule: any): string[] => (rule.ports as Port[]).map((p) => `${p.protocol}/${p.port}`).sort()
const ruleFor = (rules: any[], port: string) => rules.filter((r) => portsOf(r).includes(port))

describe('NetworkPolicy', () => {
  it('is not rendered unless networkPolicy.enabled', () => {
    expect(ofKind(render({ files: [minimalValues] }), 'NetworkPolicy')).toEqual([])
  })

  const objects = render({ files: [productionValues] })

  it('renders one policy per service, selecting exactly the Service pods, isolating both directions', () => {
    for (const service of SERVICES) {
      const np = byName(objects, 'NetworkPolicy', componentName(service))
      expect(np.spec.podSelector.matchLabels).toEqual(
        byName(objects, 'Service', componentName(service)).spec.selector,
      )
      expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress'])
    }
  })

  it.each(SERVICES)(
    '%s: ingress only from the ingress controller and the metrics scraper, on port http',
    (service) => {
      const np = byName(objects, 'NetworkPolicy', componentName(service))
      const [first, ...others] = np.spec.ingress
      expect(first).toEqual({
        from: [INGRESS_CONTROLLER, SCRAPER],
        ports: [{ protocol: 'TCP', port: 'http' }],
      })
      if (service === 'identity') {
        // the other services of the release fetch the JWKS
        expect(others).toEqual([
          {
            from: [
              {
                podSelector: {
                  matchLabels: { 'app.kubernetes.io/name': 'osinum', 'app.kubernetes.io/instance': 'osinum' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: 'http' }],
          },
        ])
      } else {
        expect(others).toEqual([])
      }
    },
  )

  it('web: egress only to DNS, the API URL (443, 80) and OTLP — no database, no bus', () => {
    const egress: any[] = byName(objects, 'NetworkPolicy', componentName('web')).spec.egress
    for (const rule of egress) expect(rule.ports?.length, JSON.stringify(rule)).toBeGreaterThan(0)
    expect(egress.flatMap(portsOf).sort()).toEqual(
      ['UDP/53', 'TCP/53', 'TCP/443', 'TCP/80', 'TCP/4317', 'TCP/4318'].sort(),
    )
  })

  it.each(DATA_SERVICES)(
    '%s: egress only to DNS, PostgreSQL, NATS, OTLP, identity JWKS (and SMTP/webhooks for notifications)',
    (service) => {
      const np = byName(objects, 'NetworkPolicy', componentName(service))
      const egress: any[] = np.spec.egress
      // every rule names its ports: nothing is allowed on every port
      for (const rule of egress) expect(rule.ports?.length, JSON.stringify(rule)).toBeGreaterThan(0)
      const allowed = egress.flatMap(portsOf).sort()
      const expected = ['UDP/53', 'TCP/53', 'TCP/5432', 'TCP/4222', 'TCP/4317', 'TCP/4318']
      if (service !== 'identity') expected.push('TCP/3000')
      if (service === 'notifications') expected.push('TCP/465', 'TCP/443')
      expect(allowed).toEqual(expected.sort())

      expect(ruleFor(egress, 'UDP/53')).toEqual([
        {
          to: [DNS],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ])
      expect(ruleFor(egress, 'TCP/5432')).toEqual([
        { to: [POSTGRESQL], ports: [{ port: 5432, protocol: 'TCP' }] },
      ])
      expect(ruleFor(egress, 'TCP/4222')).toEqual([{ to: [NATS], ports: [{ port: 4222, protocol: 'TCP' }] }])
      expect(ruleFor(egress, 'TCP/4317')[0].to).toEqual([OTLP])
      if (service !== 'identity') {
        expect(ruleFor(egress, 'TCP/3000')[0].to).toEqual([
          {
            podSelector: { matchLabels: byName(objects, 'Service', componentName('identity')).spec.selector },
          },
        ])
      }
      if (service === 'notifications') {
        expect(ruleFor(egress, 'TCP/465')).toEqual([
          { to: [{ ipBlock: { cidr: '203.0.113.25/32' } }], ports: [{ port: 465, protocol: 'TCP' }] },
        ])
      }
    },
  )

  it('lets the migration hooks reach only DNS and PostgreSQL, before the release policies exist', () => {
    const np = byName(objects, 'NetworkPolicy', 'osinum-migrations')
    expect(np.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade')
    expect(Number(np.metadata.annotations['helm.sh/hook-weight'])).toBeLessThan(
      Number(
        byName(objects, 'Job', `${componentName('identity')}-migrate`).metadata.annotations[
          'helm.sh/hook-weight'
        ],
      ),
    )
    expect(np.spec.ingress).toEqual([])
    expect(np.spec.egress.flatMap(portsOf).sort()).toEqual(['TCP/5432', 'TCP/53', 'UDP/53'].sort())
    const migrationComponents = np.spec.podSelector.matchExpressions[0].values
    for (const job of ofKind(objects, 'Job')) {
      expect(migrationComponents).toContain(job.spec.template.metadata.labels['app.kubernetes.io/component'])
    }
  })

  it('allows a port to any destination only when no selector nor CIDR is given', () => {
    const open = render({
      files: [minimalValues],
      values: { networkPolicy: { enabled: true, postgresql: { cidrs: ['10.0.0.0/24'] } } },
    })
    const egress = byName(open, 'NetworkPolicy', componentName('catalogue')).spec.egress
    expect(ruleFor(egress, 'TCP/5432')).toEqual([
      { to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
    ])
    expect(ruleFor(egress, 'TCP/4222')).toEqual([{ ports: [{ port: 4222, protocol: 'TCP' }] }])
    // no OTLP endpoint configured: no OTLP egress
    expect(ruleFor(egress, 'TCP/4317')).toEqual([])
  })

  it('refuses an ingress rule open to every source', () => {
    const objectsOrError = () =>
      render({
        files: [minimalValues],
        values: {
          networkPolicy: { enabled: true, ingressController: { namespaceSelector: null, podSelector: null } },
        },
      })
    expect(objectsOrError).toThrow(/networkPolicy.ingressController/)
  })
})
