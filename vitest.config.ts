import { defaultClientConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Workspace packages export their TypeScript sources under the `@osinum/source` condition, so
// tests run on sources without a build.
export default defineConfig({
  resolve: { conditions: ['@osinum/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@osinum/source', 'node'] } },
  test: {
    globalSetup: [
      'packages/testing/src/build.global-setup.ts',
      'packages/testing/src/global-setup.ts',
      'packages/db/src/pglite-template.global-setup.ts',
    ],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'osinum',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      'charts/osinum-tests',
    ],
  },
})
