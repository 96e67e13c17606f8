export { buildPlatform, embeddedEnv, MODULES, PlatformConfig, type PlatformOptions } from './platform.js'
