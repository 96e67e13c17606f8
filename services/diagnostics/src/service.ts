import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { migrations } from './migrations/index.js'

export const diagnosticsService = defineService({
  name: 'diagnostics',
  title: 'osinum diagnostics API',
  description: 'Self-diagnostic, scoring, recommendations, benchmarks, panorama, accompaniment',
  migrations,
  plugin: app,
})
