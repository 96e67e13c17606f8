import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * vitest global setup: builds the workspace (`tsc -b`, incremental: seconds when up to date), so
 * that the tests that run a service's `dist/` (a process started as in a container) always run,
 * on the current sources, whatever command started them.
 */
export default function setup() {
  const root = fileURLToPath(new URL('../../..', import.meta.url))
  const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url))
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}
