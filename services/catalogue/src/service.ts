import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { migrations } from './migrations/index.js'

export const catalogueService = defineService({
  name: 'catalogue',
  title: 'osinum catalogue API',
  description: 'Tools chosen for sovereignty, security and sobriety',
  migrations,
  plugin: app,
})
