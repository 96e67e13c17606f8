import { describe, expect, it } from 'vitest'
import { byName, componentName, minimalValues, ofKind, productionValues, render } from '../src/helm.js'

// The chart defaults plus only the settings `helm template` requires, none of which is a secret
// value: a URL, a sender address and the NAMES of existing Secrets.
const REQUIRED_NON_SECRET = {
  config: { publicUrl: 'https://osinum.example.fr', mailFrom: 'no-reply@osinum.example.fr' },
  postgresql: { existingSecret: 'osinum-database' },
  services: {
    identity: { signingKeys: { existingSecret: 'osinum-signing-keys' } },
    notifications: {
      smtp: { existingSecret: 'osinum-smtp' },
      unsubscribeSecret: { existingSecret: 'osinum-unsubscribe' },
    },
    web: { sessionSecret: { existingSecret: 'osinum-web-session' } },
  },
}

const SECRET_ENV = [
  'DATABASE_URL',
  'PGPASSWORD',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
  'SIGNING_KEYS',
  'UNSUBSCRIBE_SECRET',
  'WEB_SESSION_SECRET',
  'NATS_TOKEN',
  'NATS_PASSWORD',
]

describe('secrets', () => {
  it('renders no Secret at all from the defaults (only existing Secrets are referenced)', () => {
    const objects = render({ values: REQUIRED_NON_SECRET })
    expect(ofKind(objects, 'Secret')).toEqual([])
  })

  it('never puts a secret value in a ConfigMap or a literal env', () => {
    for (const objects of [render({ values: REQUIRED_NON_SECRET }), render({ files: [productionValues] })]) {
      for (const cm of ofKind(objects, 'ConfigMap')) {
        for (const key of SECRET_ENV.filter((k) => k !== 'DATABASE_URL'))
          expect(cm.data, cm.metadata.name).not.toHaveProperty(key)
        // a DATABASE_URL built from postgresql.host never holds a password
        if (cm.data.DATABASE_URL) expect(cm.data.DATABASE_URL).toMatch(/^postgresql:\/\/[^:@/]+@/)
      }
      for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')]) {
        for (const env of workload.spec.template.spec.containers[0].env ?? []) {
          if (!SECRET_ENV.includes(env.name)) continue
          if (env.name === 'DATABASE_URL' && 'value' in env) {
            // the migration Job inlines the ConfigMap data: a URL built from postgresql.host, without password
            expect(env.value).toMatch(/^postgresql:\/\/[^:@/]+@/)
            continue
          }
          expect(env.valueFrom?.secretKeyRef, `${workload.metadata.name} ${env.name}`).toBeDefined()
        }
      }
    }
  })

  it('references the existing Secrets of each service with secretKeyRef', () => {
    const objects = render({ values: REQUIRED_NON_SECRET })
    const envOf = (service: string) =>
      byName(objects, 'Deployment', componentName(service)).spec.template.spec.containers[0].env
    expect(envOf('identity')).toEqual(
      expect.arrayContaining([
        {
          name: 'DATABASE_URL',
          valueFrom: { secretKeyRef: { name: 'osinum-database', key: 'DATABASE_URL' } },
        },
        {
          name: 'SIGNING_KEYS',
          valueFrom: { secretKeyRef: { name: 'osinum-signing-keys', key: 'SIGNING_KEYS' } },
        },
      ]),
    )
    // web: the session key, and neither database nor bus
    expect(envOf('web')).toEqual([
      {
        name: 'WEB_SESSION_SECRET',
        valueFrom: { secretKeyRef: { name: 'osinum-web-session', key: 'WEB_SESSION_SECRET' } },
      },
    ])
    expect(envOf('notifications')).toEqual(
      expect.arrayContaining([
        { name: 'SMTP_URL', valueFrom: { secretKeyRef: { name: 'osinum-smtp', key: 'SMTP_URL' } } },
        {
          name: 'UNSUBSCRIBE_SECRET',
          valueFrom: { secretKeyRef: { name: 'osinum-unsubscribe', key: 'UNSUBSCRIBE_SECRET' } },
        },
      ]),
    )
    // least privilege: only identity gets the signing keys, only notifications the SMTP URL
    for (const service of ['diagnostics', 'catalogue', 'resources', 'notifications']) {
      expect(envOf(service).map((e: any) => e.name)).not.toContain('SIGNING_KEYS')
    }
    for (const service of ['identity', 'diagnostics', 'catalogue', 'resources']) {
      expect(envOf(service).map((e: any) => e.name)).not.toContain('SMTP_URL')
    }
  })

  it('renders a Secret only for values the user sets explicitly, and wires it with envFrom', () => {
    const objects = render({
      values: {
        ...REQUIRED_NON_SECRET,
        postgresql: { host: 'pg.example', password: 'p@ss/word' },
        services: {
          identity: { signingKeys: { existingSecret: 'osinum-signing-keys' } },
          notifications: {
            smtp: { url: 'smtp://relay.example:587' },
            unsubscribeSecret: { value: 'an-unsubscribe-hmac-key-of-40-characters' },
          },
          web: { sessionSecret: { value: 'a-web-session-key-of-at-least-32-characters' } },
        },
      },
    })
    const secrets = ofKind(objects, 'Secret').filter((s) => !s.metadata.annotations?.['helm.sh/hook'])
    // the five data services (PGPASSWORD…) and web (its session key only)
    expect(secrets).toHaveLength(6)
    const web = byName(objects, 'Secret', componentName('web'))
    expect(Object.keys(web.data)).toEqual(['WEB_SESSION_SECRET'])
    const notifications = byName(objects, 'Secret', componentName('notifications'))
    const decoded = Object.fromEntries(
      Object.entries(notifications.data as Record<string, string>).map(([k, v]) => [
        k,
        Buffer.from(v, 'base64').toString(),
      ]),
    )
    expect(decoded).toEqual({
      PGPASSWORD: 'p@ss/word',
      SMTP_URL: 'smtp://relay.example:587',
      UNSUBSCRIBE_SECRET: 'an-unsubscribe-hmac-key-of-40-characters',
    })
    const d = byName(objects, 'Deployment', componentName('notifications'))
    expect(d.spec.template.spec.containers[0].envFrom).toContainEqual({
      secretRef: { name: componentName('notifications') },
    })
    const cm = byName(objects, 'ConfigMap', componentName('notifications'))
    expect(cm.data.DATABASE_URL).toBe(
      'postgresql://osinum@pg.example:5432/osinum?sslmode=require&uselibpqcompat=true',
    )
  })

  it('builds a verify-full DATABASE_URL with the mounted CA and takes the password from a Secret', () => {
    const objects = render({ files: [productionValues] })
    const d = byName(objects, 'Deployment', componentName('catalogue'))
    const pod = d.spec.template.spec
    const cm = byName(objects, 'ConfigMap', componentName('catalogue'))
    expect(cm.data.DATABASE_URL).toBe(
      'postgresql://osinum@osinum-pg-rw.databases.svc.cluster.local:5432/osinum?sslmode=verify-full&sslrootcert=/etc/osinum/postgresql-ca/ca.crt&uselibpqcompat=true',
    )
    expect(pod.containers[0].env).toContainEqual({
      name: 'PGPASSWORD',
      valueFrom: { secretKeyRef: { name: 'osinum-pg-app', key: 'password' } },
    })
    expect(pod.volumes).toContainEqual({
      name: 'postgresql-ca',
      secret: { secretName: 'osinum-pg-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    })
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: 'postgresql-ca',
      mountPath: '/etc/osinum/postgresql-ca',
      readOnly: true,
    })
    // NATS: credentials file and CA, mounted from existing Secrets
    expect(cm.data.NATS_CREDS_FILE).toBe('/etc/osinum/nats-credentials/osinum.creds')
    expect(cm.data.NATS_TLS_CA_FILE).toBe('/etc/osinum/nats-ca/ca.crt')
    expect(ofKind(objects, 'Secret')).toEqual([])
  })

  it('gives identity the OIDC settings and client secret reference', () => {
    const objects = render({ files: [productionValues] })
    const cm = byName(objects, 'ConfigMap', componentName('identity'))
    expect(cm.data).toMatchObject({
      OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
      OIDC_CLIENT_ID: 'osinum-occitanie',
      OIDC_REDIRECT_URI: 'https://osinum.numerique-occitanie.fr/v1/auth/oidc/callback',
    })
    const env = byName(objects, 'Deployment', componentName('identity')).spec.template.spec.containers[0].env
    expect(env).toContainEqual({
      name: 'OIDC_CLIENT_SECRET',
      valueFrom: { secretKeyRef: { name: 'osinum-oidc', key: 'client-secret' } },
    })
  })
})

describe('identity signing keys', () => {
  const base = { files: [minimalValues] }

  it('come from SIGNING_KEYS in an existing Secret by default', () => {
    const env = byName(render(base), 'Deployment', componentName('identity')).spec.template.spec.containers[0]
      .env
    expect(env.map((e: any) => e.name)).toContain('SIGNING_KEYS')
    expect(env.map((e: any) => e.name)).not.toContain('SIGNING_KEY_ENCRYPTION_SECRET')
  })

  it('can live in the database, encrypted with a key from an existing Secret (rotate-keys works then)', () => {
    const objects = render({
      ...base,
      values: {
        services: {
          identity: {
            signingKeys: {
              source: 'database',
              encryptionSecret: { existingSecret: 'osinum-key-encryption' },
            },
          },
        },
      },
    })
    for (const workload of [
      byName(objects, 'Deployment', componentName('identity')),
      byName(objects, 'Job', `${componentName('identity')}-migrate`),
    ]) {
      const env = workload.spec.template.spec.containers[0].env
      expect(env).toContainEqual({
        name: 'SIGNING_KEY_ENCRYPTION_SECRET',
        valueFrom: { secretKeyRef: { name: 'osinum-key-encryption', key: 'SIGNING_KEY_ENCRYPTION_SECRET' } },
      })
      expect(env.map((e: any) => e.name)).not.toContain('SIGNING_KEYS')
    }
  })
})
