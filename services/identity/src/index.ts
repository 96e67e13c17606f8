export { IdentityConfig } from './config.js'
export { seed as seedIdentity } from './seed.js'
export { identityService } from './service.js'
