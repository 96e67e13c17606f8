import { runService } from '@osinum/service-kit'
import { resourcesService } from './service.js'

await runService(resourcesService)
