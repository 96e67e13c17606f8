import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const chartDir = join(repoRoot, 'charts', 'osinum')
export const deployDir = join(repoRoot, 'deploy')
export const helmBin = join(repoRoot, '.tools', 'helm')
export const openapiPath = join(repoRoot, 'packages', 'client', 'openapi.json')

export const SERVICES = ['identity', 'diagnostics', 'catalogue', 'resources', 'notifications'] as const
export type ServiceName = (typeof SERVICES)[number]
