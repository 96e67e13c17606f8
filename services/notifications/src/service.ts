import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { migrations } from './migrations/index.js'

export const notificationsService = defineService({
  name: 'notifications',
  title: 'osinum notifications API',
  description: 'Email, in-app inbox, preferences and webhooks',
  migrations,
  plugin: app,
})
