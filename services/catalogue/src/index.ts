export { catalogueService } from './service.js'
