import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { byName, componentName, minimalValues, productionValues, render } from '../src/helm.js'
import { repoRoot, SERVICES } from '../src/paths.js'

// The services validate their environment at boot (service-kit `loadConfig`). This test feeds them
// exactly what the chart gives a pod: the ConfigMap data plus the variables read from Secrets
// (with stand-in values), so a variable the services require and the chart does not set fails here.

const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgresql://osinum:secret@db.example:5432/osinum',
  NATS_URL: 'nats://user:secret@nats.example:4222',
  SMTP_URL: 'smtp://user:secret@relay.example:587',
  UNSUBSCRIBE_SECRET: 'u'.repeat(48),
  SIGNING_KEY_ENCRYPTION_SECRET: 'e'.repeat(32),
}

async function importSource(path: string): Promise<Record<string, unknown>> {
  try {
    return await import(pathToFileURL(join(repoRoot, path)).href)
  } catch (error) {
    throw new Error(`cannot load ${path} to read its configuration schema: ${(error as Error).message}`)
  }
}

async function serviceSchema(service: string) {
  const kit = await importSource('packages/service-kit/src/index.ts')
  const mod = await importSource(`services/${service}/src/service.ts`)
  const module = Object.values(mod).find((m: any) => m && typeof m === 'object' && m.name === service)
  if (!module)
    throw new Error(`services/${service}/src/service.ts exports no service module named ${service}`)
  const serviceConfigSchema = kit.serviceConfigSchema as (module: unknown) => unknown
  return {
    schema: serviceConfigSchema(module),
    loadConfig: kit.loadConfig as (schema: unknown, env: object) => unknown,
  }
}

describe.each([
  ['minimal', minimalValues],
  ['production', productionValues],
])('the environment the chart gives each service passes its config validation (%s)', (_name, file) => {
  const objects = render({ files: [file] })

  it.each(SERVICES)('%s', async (service) => {
    const { schema, loadConfig } = await serviceSchema(service)
    const cm = byName(objects, 'ConfigMap', componentName(service))
    const container = byName(objects, 'Deployment', componentName(service)).spec.template.spec.containers[0]
    const fromSecrets: string[] = (container.env ?? [])
      .filter((e: any) => e.valueFrom?.secretKeyRef)
      .map((e: any) => e.name)
    const env: Record<string, string> = { ...cm.data }
    for (const name of fromSecrets) env[name] = SECRET_STAND_INS[name] ?? `stand-in-${name.toLowerCase()}`

    let problems: string[] = []
    try {
      loadConfig(schema, env)
    } catch (error) {
      problems = (error as Error).message.replace(/^invalid configuration: /, '').split('; ')
    }
    // a stand-in value may not have the exact format a service wants; anything else is a chart bug
    const real = problems.filter(
      (p) => !fromSecrets.some((name) => p.startsWith(`${name} `) && !p.endsWith('is required')),
    )
    expect(real, `configuration refused by the ${service} service`).toEqual([])
  })
})

describe('the config contract check', () => {
  it('does catch a missing variable (negative control)', async () => {
    const { schema, loadConfig } = await serviceSchema('catalogue')
    expect(() => loadConfig(schema, {})).toThrow(/DATABASE_URL is required/)
  })
})
