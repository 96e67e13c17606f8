import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseAllDocuments, stringify } from 'yaml'
import { chartDir, helmBin } from './paths.js'

export interface K8sObject {
  apiVersion: string
  kind: string
  /** labels and annotations may be absent at run time; tests read them with optional chaining where it matters */
  metadata: {
    name: string
    namespace?: string
    labels: Record<string, string>
    annotations: Record<string, string>
  }
  /** rendered manifests are free-form */
  [key: string]: any
}

export interface HelmResult {
  status: number
  stdout: string
  stderr: string
}

export const RELEASE = 'osinum'
export const NAMESPACE = 'osinum'

export function helm(args: string[]): HelmResult {
  const result = spawnSync(helmBin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** The ci/*-values.yaml files of the chart (absolute paths). */
export function ciValuesFiles(): string[] {
  return readdirSync(join(chartDir, 'ci'))
    .filter((f) => f.endsWith('-values.yaml'))
    .sort()
    .map((f) => join(chartDir, 'ci', f))
}

export const minimalValues = join(chartDir, 'ci', 'minimal-values.yaml')
export const productionValues = join(chartDir, 'ci', 'production-values.yaml')

interface Options {
  /** values files, applied in order */
  files?: string[]
  /** extra values, applied last (written to a temporary values file) */
  values?: Record<string, unknown>
  /** extra helm flags */
  flags?: string[]
}

function withValuesArgs<T>(opts: Options, run: (args: string[]) => T): T {
  const args: string[] = [...(opts.flags ?? [])]
  for (const f of opts.files ?? []) args.push('-f', f)
  let dir: string | undefined
  if (opts.values) {
    dir = mkdtempSync(join(tmpdir(), 'osinum-chart-'))
    const file = join(dir, 'values.yaml')
    // YAML 1.1, as helm reads it: strings such as "yes" or "y" stay quoted
    writeFileSync(file, stringify(opts.values, { version: '1.1' }))
    args.push('-f', file)
  }
  try {
    return run(args)
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** `helm template`, without throwing. */
export function template(opts: Options = {}): HelmResult {
  return withValuesArgs(opts, (args) =>
    helm(['template', RELEASE, chartDir, '--namespace', NAMESPACE, ...args]),
  )
}

/** `helm lint --strict`, without throwing. */
export function lint(opts: Options = {}): HelmResult {
  return withValuesArgs(opts, (args) =>
    helm(['lint', '--strict', chartDir, '--namespace', NAMESPACE, ...args]),
  )
}

/** Renders the chart and parses every object; throws with helm's message when rendering fails. */
export function render(opts: Options = {}): K8sObject[] {
  const result = template(opts)
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`)
  return parseManifests(result.stdout)
}

export function parseManifests(text: string): K8sObject[] {
  const objects: K8sObject[] = []
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML rendered: ${doc.errors[0]?.message}`)
    const value = doc.toJS()
    if (value !== null && value !== undefined) objects.push(value as K8sObject)
  }
  return objects
}

export function ofKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind)
}

export function byName(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name)
  if (!found) throw new Error(`${kind}/${name} was not rendered`)
  return found
}

export const componentName = (service: string) => `${RELEASE}-${service}`
