import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helmBin, repoRoot } from '../src/paths.js'

const script = join(repoRoot, 'scripts', 'install-helm.mjs')
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' })

describe('scripts/install-helm.mjs', () => {
  it('has installed an executable helm 4 in .tools/helm (vitest globalSetup)', () => {
    expect(statSync(helmBin).mode & 0o111).not.toBe(0)
    const version = spawnSync(helmBin, ['version', '--short'], { encoding: 'utf8' })
    expect(version.stdout).toMatch(/^v4\./)
  })

  it('does nothing when helm is already there and runs', () => {
    const result = run()
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout.trim()).toBe(helmBin)
    expect(result.stderr).toContain('nothing to do')
  })
})
