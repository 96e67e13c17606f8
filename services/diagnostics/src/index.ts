export { createDiagnosticsService, DiagnosticsConfigSchema, diagnosticsService } from './service.js'
