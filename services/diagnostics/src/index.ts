export { DiagnosticsConfigSchema } from './config.js'
export { createDiagnosticsService, diagnosticsService } from './service.js'
