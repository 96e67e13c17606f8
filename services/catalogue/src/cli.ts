import { runCli } from '@osinum/service-kit'
import { catalogueService } from './service.js'

process.exitCode = await runCli(catalogueService)
