import { describe, expect, it } from 'vitest'
import { lint, minimalValues, template } from '../src/helm.js'

interface Case {
  name: string
  /** values applied over ci/minimal-values.yaml */
  values: Record<string, unknown>
  /** what helm template and helm lint --strict must say (values.schema.json) */
  message: RegExp
  /** what the templates themselves say when the schema is skipped (--skip-schema-validation) */
  templateMessage?: RegExp
}

const CASES: Case[] = [
  {
    name: 'wrong type: replicaCount as a string',
    values: { services: { identity: { replicaCount: 'three' } } },
    message: /at '\/services\/identity\/replicaCount': got string, want integer/,
  },
  {
    name: 'wrong type: autoscaling.enabled as a string',
    values: { services: { catalogue: { autoscaling: { enabled: 'yes' } } } },
    message: /at '\/services\/catalogue\/autoscaling\/enabled': got string, want boolean/,
  },
  {
    name: 'wrong type: postgresql.port as a string',
    values: { postgresql: { port: '5432' } },
    message: /at '\/postgresql\/port': got string, want integer/,
  },
  {
    name: 'unknown enum: postgresql.tls.mode',
    values: { postgresql: { tls: { mode: 'sometimes' } } },
    message:
      /at '\/postgresql\/tls\/mode': value must be one of 'disable', 'require', 'verify-ca', 'verify-full'/,
  },
  {
    name: 'more stream replicas than NATS allows',
    values: { nats: { streamReplicas: 7 } },
    message: /at '\/nats\/streamReplicas': maximum: got 7, want 5/,
  },
  {
    name: 'a sampling ratio above 1',
    values: { telemetry: { samplerRatio: 2 } },
    message: /at '\/telemetry\/samplerRatio': maximum: got 2, want 1/,
  },
  {
    name: 'a front-end URL that is not one',
    values: { config: { frontendUrls: { magicLink: 'connexion/lien' } } },
    message: /at '\/config\/frontendUrls\/magicLink'/,
  },
  {
    name: 'unknown enum: config.logLevel',
    values: { config: { logLevel: 'loud' } },
    message: /at '\/config\/logLevel': value must be one of/,
  },
  {
    name: 'unknown enum: nats.auth.type',
    values: { nats: { auth: { type: 'kerberos' } } },
    message: /at '\/nats\/auth\/type': value must be one of 'none', 'credentials', 'url'/,
  },
  {
    name: 'unknown enum: image pullPolicy',
    values: { services: { resources: { image: { pullPolicy: 'Sometimes' } } } },
    message: /at '\/services\/resources\/image\/pullPolicy': value must be one of/,
  },
  {
    name: 'unknown key (typo)',
    values: { services: { identity: { replicas: 3 } } },
    message: /at '\/services\/identity': additional properties 'replicas' not allowed/,
  },
  {
    name: 'unknown service',
    values: { services: { billing: { enabled: true } } },
    message: /at '\/services': additional properties 'billing' not allowed/,
  },
  {
    name: 'pdb.minAvailable neither a number nor a percentage',
    values: { services: { identity: { pdb: { minAvailable: 'half' } } } },
    message: /at '\/services\/identity\/pdb\/minAvailable'/,
  },
  {
    name: 'a path prefix that does not start with /',
    values: { services: { catalogue: { paths: ['v1/tools'] } } },
    message: /at '\/services\/catalogue\/paths\/0'/,
  },
  {
    name: 'missing required: resources of a service',
    values: { services: { identity: { resources: null } } },
    message: /at '\/services\/identity': missing property 'resources'/,
  },
  {
    name: 'missing required: config.publicUrl',
    values: { config: { publicUrl: '' } },
    message: /at '\/config\/publicUrl': minLength: got 0, want 1/,
    templateMessage: /config\.publicUrl is required/,
  },
  {
    name: 'missing required: the identity signing keys Secret',
    values: { services: { identity: { signingKeys: { existingSecret: '' } } } },
    message: /at '\/services\/identity\/signingKeys\/existingSecret': minLength: got 0, want 1/,
    templateMessage: /services\.identity\.signingKeys\.existingSecret is required/,
  },
  {
    name: 'missing required: the encryption key of database-stored signing keys',
    values: { services: { identity: { signingKeys: { source: 'database' } } } },
    message:
      /at '\/services\/identity\/signingKeys\/encryptionSecret\/existingSecret': minLength: got 0, want 1/,
    templateMessage: /services\.identity\.signingKeys\.encryptionSecret\.existingSecret is required/,
  },
  {
    name: 'unknown enum: signing keys source',
    values: { services: { identity: { signingKeys: { source: 'vault' } } } },
    message: /at '\/services\/identity\/signingKeys\/source': value must be one of 'secret', 'database'/,
  },
  {
    name: 'an unsubscribe key shorter than 32 characters',
    values: { services: { notifications: { unsubscribeSecret: { existingSecret: '', value: 'short' } } } },
    message: /at '\/services\/notifications\/unsubscribeSecret\/value'/,
  },
  {
    name: 'missing required: the PostgreSQL connection',
    values: { postgresql: { existingSecret: '' } },
    message: /at '\/postgresql\/existingSecret': minLength[\s\S]*at '\/postgresql\/host': minLength/,
    templateMessage:
      /postgresql\.existingSecret, services\.[a-z]+\.database\.existingSecret or postgresql\.host is required/,
  },
  {
    name: 'missing required: MAIL_FROM for notifications',
    values: { config: { mailFrom: '' } },
    message: /at '\/config\/mailFrom': minLength: got 0, want 1/,
    templateMessage: /config\.mailFrom is required/,
  },
  {
    name: 'missing required: the SMTP URL',
    values: { services: { notifications: { smtp: { existingSecret: '' } } } },
    message:
      /at '\/services\/notifications\/smtp\/existingSecret': minLength[\s\S]*at '\/services\/notifications\/smtp\/url'/,
    templateMessage:
      /services\.notifications\.smtp\.existingSecret \(or services\.notifications\.smtp\.url\) is required/,
  },
  {
    name: 'missing required: NATS credentials Secret',
    values: { nats: { auth: { type: 'credentials' } } },
    message: /at '\/nats\/existingSecret': minLength: got 0, want 1/,
    templateMessage: /nats\.existingSecret is required/,
  },
  {
    name: 'missing required: OIDC client id',
    values: {
      config: { oidc: { issuer: 'https://sso.example.fr', clientSecret: { existingSecret: 'oidc' } } },
    },
    message: /at '\/config\/oidc\/clientId': minLength: got 0, want 1/,
    templateMessage: /config\.oidc\.clientId is required/,
  },
  {
    name: 'missing required: HTTPRoute parentRefs',
    values: { httpRoute: { enabled: true } },
    message: /at '\/httpRoute\/parentRefs': minItems/,
    templateMessage: /httpRoute\.parentRefs is required/,
  },
  {
    name: 'missing required: the ingress controller selector of the NetworkPolicy',
    values: {
      networkPolicy: { enabled: true, ingressController: { namespaceSelector: null, podSelector: null } },
    },
    message: /at '\/networkPolicy\/ingressController': missing property 'namespaceSelector'/,
    templateMessage:
      /networkPolicy\.ingressController\.namespaceSelector or networkPolicy\.ingressController\.podSelector is required/,
  },
]

// Consistency between several values, which JSON Schema cannot express: the templates check them.
// `helm lint` turns `fail` into a log line; the chart's "osinum.fail" also calls a function lint
// keeps, so `helm lint --strict` refuses them too and stays a real pre-check.
const TEMPLATE_ONLY: Case[] = [
  {
    name: 'maxReplicas below minReplicas',
    values: { services: { identity: { autoscaling: { enabled: true, minReplicas: 4, maxReplicas: 2 } } } },
    message:
      /services\.identity\.autoscaling\.maxReplicas must be >= services\.identity\.autoscaling\.minReplicas/,
  },
  {
    name: 'a path prefix owned by two services',
    values: { services: { catalogue: { paths: ['/v1/tools', '/v1/users'] } } },
    // (helm lint quotes the message, escaping its quotes)
    message: /\\?"\/v1\/users\\?" is already owned by services\.(catalogue|identity)\.paths/,
  },
  {
    name: 'API docs routed to a disabled service',
    values: { apiDocs: { service: 'resources' }, services: { resources: { enabled: false } } },
    message: /apiDocs\.service: resources is not enabled/,
  },
  {
    name: 'a shutdown delay the grace period cannot hold',
    values: { config: { shutdownDelaySeconds: 20 }, terminationGracePeriodSeconds: 30 },
    message: /terminationGracePeriodSeconds \(30\) must leave 15 s after config\.shutdownDelaySeconds \(20\)/,
  },
  {
    name: 'no service enabled',
    values: Object.fromEntries([
      [
        'services',
        Object.fromEntries(
          ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications', 'web'].map((s) => [
            s,
            { enabled: false },
          ]),
        ),
      ],
    ]),
    message: /at least one service must be enabled/,
  },
]

describe('invalid values are refused with a message naming the key', () => {
  it('the base values render and lint fine (each case fails because of its change)', () => {
    expect(template({ files: [minimalValues] }).status).toBe(0)
    expect(lint({ files: [minimalValues] }).status).toBe(0)
  })

  it.each(CASES)('$name: helm template', ({ values, message }) => {
    const result = template({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(message)
  })

  it.each(CASES)('$name: helm lint --strict', ({ values, message }) => {
    const result = lint({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(message)
  })

  it.each(CASES.filter((c) => c.templateMessage))(
    '$name: the templates refuse it too, without the schema',
    ({ values, templateMessage }) => {
      const result = template({ files: [minimalValues], values, flags: ['--skip-schema-validation'] })
      expect(result.status).not.toBe(0)
      expect(result.stderr).toMatch(templateMessage as RegExp)
    },
  )

  it.each(TEMPLATE_ONLY)('$name: helm template', ({ values, message }) => {
    const result = template({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(message)
  })

  it.each(TEMPLATE_ONLY)('$name: helm lint --strict', ({ values, message }) => {
    const result = lint({ files: [minimalValues], values })
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(message)
  })
})
