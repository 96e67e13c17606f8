import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './paths.js'

/** Runs scripts/install-helm.mjs once before the tests, so that `.tools/helm` exists. */
export default function setup(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'install-helm.mjs')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
