import { runService } from '@osinum/service-kit'
import { diagnosticsService } from './service.js'

await runService(diagnosticsService)
