export { isSerializationFailure, isUniqueViolation } from './errors.js'
export { ensureExtensions, type MigrationSet, migrateSchema } from './migrate.js'
export { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from './open.js'
export { qualified, schemaDb } from './schema.js'
