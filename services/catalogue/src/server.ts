import { runService } from '@osinum/service-kit'
import { catalogueService } from './service.js'

await runService(catalogueService)
