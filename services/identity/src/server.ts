import { runService } from '@osinum/service-kit'
import { identityService } from './service.js'

await runService(identityService)
