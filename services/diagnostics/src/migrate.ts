import { runCli } from '@osinum/service-kit'
import { diagnosticsService } from './service.js'

process.exitCode = await runCli(diagnosticsService, ['migrate'])
