export { IdentityConfig } from './config.js'
export { seed as seedIdentity } from './seed/index.js'
export { identityService } from './service.js'
