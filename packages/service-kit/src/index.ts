export { runCli } from './cli.js'
export { BaseConfig, ConfigError, HttpConfig, loadConfig } from './config.js'
export { csvCell, csvDocument } from './csv.js'
export {
  Conflict,
  type DomainErrorConstructor,
  defineError,
  FieldsError,
  Forbidden,
  InvalidToken,
  NotFound,
  notFoundHandler,
  PROBLEM_CONTENT_TYPE,
  problemErrorHandler,
  Unauthorized,
  Unprocessable,
} from './errors.js'
export {
  createHost,
  createStatelessHost,
  type Host,
  type HostedService,
  type HostOptions,
  openTransport,
  type StatelessHost,
} from './host.js'
export { type KitOptions, serviceKit } from './kit.js'
export { loggerOptions, REDACT_PATHS } from './logger.js'
export {
  ERASED_EMAIL,
  ERASED_NAME,
  EXPORTING_SERVICES,
  forgetPerson,
  handlePersonalData,
  knownPerson,
  PERSONAL_DATA_EXPORT,
  type Person,
  type PersonalDataPolicy,
  personalDataMigration,
  wordsPattern,
} from './personal-data.js'
export {
  type Access,
  type AccessClaims,
  accessOf,
  type Membership,
  type Principal,
  principalFromClaims,
  type RevocationCheck,
  TokenRevoked,
} from './plugins/auth.js'
// Brings the `fastify.readiness` type augmentation to every importer of the kit.
export type { ReadinessCheck } from './plugins/health.js'
// Also brings the `fastify.metrics` type augmentation to every importer of the kit.
export {
  type Counter,
  createCounter,
  createGauge,
  createHistogram,
  type Gauge,
  type Histogram,
  type Metrics,
  type Registry,
} from './plugins/metrics.js'
export {
  consumeRevocations,
  issuedAtMs,
  REVOCATIONS_CHANNEL,
  RevocationList,
  type RevocationsTable,
  revocationsMigration,
  type TokenFacts,
} from './revocations.js'
export { installGracefulShutdown, runService, runStatelessService, serviceConfigSchema } from './run.js'
export {
  type CommandContext,
  defineService,
  defineStatelessModule,
  type ServiceDeps,
  type ServiceModule,
  type StatelessDeps,
  type StatelessModule,
} from './service.js'
export { ANONYMOUS_VIEWER, type Viewer, viewerOf } from './viewer.js'
