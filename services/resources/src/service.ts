import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { ResourcesConfig } from './config.js'
import type { Db } from './domain/db.js'
import { migrations } from './migrations/index.js'
import { seedDemo } from './seed/index.js'

export const resourcesService = defineService<ResourcesConfig>({
  name: 'resources',
  title: 'osinum resources API',
  description:
    'Guides, videos, templates and FAQs with an editorial workflow and French search; trainings with ' +
    'sessions, registrations and waiting lists; community experience posts; personal collections.',
  config: ResourcesConfig,
  migrations,
  plugin: app,
  seed: async (ctx) => seedDemo(ctx.db as Db),
})
