export { CatalogueConfigSchema } from './config.js'
export { seedToolInputs } from './seed/index.js'
export { catalogueService } from './service.js'
