import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chartDir } from '../src/paths.js'

const require = createRequire(import.meta.url)
const generatorBin = join(
  dirname(require.resolve('@bitnami/readme-generator-for-helm/package.json')),
  'bin',
  'index.js',
)

describe('charts/osinum/README.md', () => {
  it('has the parameters table generated from the ## @param comments of values.yaml (pnpm run readme)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osinum-readme-'))
    try {
      const readme = join(dir, 'README.md')
      copyFileSync(join(chartDir, 'README.md'), readme)
      const result = spawnSync(
        process.execPath,
        [generatorBin, '--values', join(chartDir, 'values.yaml'), '--readme', readme],
        {
          encoding: 'utf8',
        },
      )
      // the generator also fails when a value has no @param, or a @param names no value
      expect(result.status, result.stdout + result.stderr).toBe(0)
      expect(
        readFileSync(join(chartDir, 'README.md'), 'utf8'),
        'README.md is stale: run `pnpm run readme` in charts/osinum-tests',
      ).toBe(readFileSync(readme, 'utf8'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
