import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { grantAdmin, rotateKeys } from './commands.js'
import { IdentityConfig } from './config.js'
import { migrations } from './migrations/index.js'
import { seed } from './seed/index.js'

export const identityService = defineService<IdentityConfig>({
  name: 'identity',
  title: 'osinum identity API',
  description: 'Accounts, collectivités, operators, roles, tokens (JWKS) and GDPR',
  config: IdentityConfig,
  migrations,
  plugin: app as never,
  seed,
  commands: { 'rotate-keys': rotateKeys, 'grant-admin': grantAdmin },
})
