export { seedToolInputs } from './domain/seed.js'
export { CatalogueConfigSchema, catalogueService } from './service.js'
