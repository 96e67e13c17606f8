import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { migrations } from './migrations/index.js'

export const identityService = defineService({
  name: 'identity',
  title: 'osinum identity API',
  description: 'Accounts, collectivités, operators, roles, tokens (JWKS) and GDPR',
  migrations,
  plugin: app,
})
