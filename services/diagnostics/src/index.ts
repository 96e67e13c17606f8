export { diagnosticsService } from './service.js'
