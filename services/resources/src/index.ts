export { resourcesService } from './service.js'
