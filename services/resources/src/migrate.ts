import { runCli } from '@osinum/service-kit'
import { resourcesService } from './service.js'

process.exitCode = await runCli(resourcesService, ['migrate'])
