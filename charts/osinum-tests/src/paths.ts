import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const chartDir = join(repoRoot, 'charts', 'osinum')
export const deployDir = join(repoRoot, 'deploy')
export const helmBin = join(repoRoot, '.tools', 'helm')
export const openapiPath = join(repoRoot, 'packages', 'client', 'openapi.json')

/** The services with a database and the event bus (a schema, a migration Job). */
export const DATA_SERVICES = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications'] as const
/** Every Deployment: the data services and web (the pages, no database, no bus). */
export const SERVICES = [...DATA_SERVICES, 'web'] as const
export type ServiceName = (typeof SERVICES)[number]
