export {
  buildPlatform,
  embeddedEnv,
  type ListeningPlatform,
  MODULES,
  PlatformConfig,
  type PlatformOptions,
  startListeningPlatform,
} from './platform.js'
