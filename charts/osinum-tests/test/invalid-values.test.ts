import { describe, expect, it } from 'vitest'
import { lint, minimalValues, template } from '../src/helm.js'

// Each case: values applied over ci/minimal-values.yaml, and what helm's message must name.
const CASES: { name: string; values: Record<string, unknown>; message: RegExp }[] = [
  {
    name: 'wrong type: replicaCount as a string',
    values: { services: { identity: { replicaCount: 'three' } } },
    message: /\/services\/identity\/replicaCount.*got string, want integer/,
  },
  {
    name: 'wrong type: autoscaling.enabled as a string',
    values: { services: { catalogue: { autoscaling: { enabled: 'yes' } } } },
    message: /\/services\/catalogue\/autoscaling\/enabled.*want boolean/,
  },
  {
    name: 'unknown enum: postgresql.tls.mode',
    values: { postgresql: { tls: { mode: 'sometimes' } } },
    message: /\/postgresql\/tls\/mode.*value must be one of 'disable', 'require', 'verify-ca', 'verify-full'/,
  },
  {
    name: 'unknown enum: config.logLevel',
    values: { config: { logLevel: 'loud' } },
    message: /\/config\/logLevel.*value must be one of/,
  },
  {
    name: 'unknown enum: nats.auth.type',
    values: { nats: { auth: { type: 'kerberos' } } },
    message: /\/nats\/auth\/type/,
  },
  {
    name: 'unknown enum: image pullPolicy',
    values: { services: { resources: { image: { pullPolicy: 'Sometimes' } } } },
    message: /\/services\/resources\/image\/pullPolicy/,
  },
  {
    name: 'unknown key (typo)',
    values: { services: { identity: { replicas: 3 } } },
    message: /\/services\/identity.*additional properties 'replicas' not allowed/,
  },
  {
    name: 'unknown service',
    values: { services: { billing: { enabled: true } } },
    message: /\/services.*additional properties 'billing' not allowed/,
  },
  {
    name: 'pdb.minAvailable neither a number nor a percentage',
    values: { services: { identity: { pdb: { minAvailable: 'half' } } } },
    message: /\/services\/identity\/pdb\/minAvailable/,
  },
  {
    name: 'a path prefix that does not start with /',
    values: { services: { catalogue: { paths: ['v1/tools'] } } },
    message: /\/services\/catalogue\/paths\/0/,
  },
  {
    name: 'missing required: config.publicUrl',
    values: { config: { publicUrl: '' } },
    message: /config\.publicUrl is required/,
  },
  {
    name: 'missing required: the identity signing keys Secret',
    values: { services: { identity: { signingKeys: { existingSecret: '' } } } },
    message: /services\.identity\.signingKeys\.existingSecret is required/,
  },
  {
    name: 'missing required: the PostgreSQL connection',
    values: { postgresql: { existingSecret: '' } },
    message:
      /postgresql\.existingSecret, services\.[a-z]+\.database\.existingSecret or postgresql\.host is required/,
  },
  {
    name: 'missing required: MAIL_FROM for notifications',
    values: { config: { mailFrom: '' } },
    message: /config\.mailFrom is required/,
  },
  {
    name: 'missing required: the SMTP URL Secret',
    values: { services: { notifications: { smtp: { existingSecret: '' } } } },
    message: /services\.notifications\.smtp\.existingSecret .*is required/,
  },
  {
    name: 'missing required: NATS credentials Secret',
    values: { nats: { auth: { type: 'credentials' } } },
    message: /nats\.existingSecret is required/,
  },
  {
    name: 'missing required: OIDC client id',
    values: {
      config: { oidc: { issuer: 'https://sso.example.fr', clientSecret: { existingSecret: 'oidc' } } },
    },
    message: /config\.oidc\.clientId is required/,
  },
  {
    name: 'missing required: HTTPRoute parentRefs',
    values: { httpRoute: { enabled: true } },
    message: /httpRoute\.parentRefs is required/,
  },
  {
    name: 'missing required: resources of a service',
    values: { services: { identity: { resources: null } } },
    message: /\/services\/identity.*missing property 'resources'/,
  },
  {
    name: 'inconsistent: maxReplicas below minReplicas',
    values: { services: { identity: { autoscaling: { enabled: true, minReplicas: 4, maxReplicas: 2 } } } },
    message:
      /services\.identity\.autoscaling\.maxReplicas must be >= services\.identity\.autoscaling\.minReplicas/,
  },
]

describe('invalid values are refused with a message naming the key', () => {
  it.each(CASES)('$name (helm template)', ({ values, message }) => {
    const result = template({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(message)
  })

  it.each(CASES)('$name (helm lint --strict)', ({ values, message }) => {
    const result = lint({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(message)
  })

  it('the same base values render fine (the cases fail because of their change)', () => {
    expect(template({ files: [minimalValues] }).status).toBe(0)
  })
})
