import { runCli } from '@osinum/service-kit'
import { identityService } from './service.js'

process.exitCode = await runCli(identityService)
