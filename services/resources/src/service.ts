import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { migrations } from './migrations/index.js'

export const resourcesService = defineService({
  name: 'resources',
  title: 'osinum resources API',
  description: 'Guides, trainings and community experience',
  migrations,
  plugin: app,
})
