import { runService } from '@osinum/service-kit'
import { notificationsService } from './service.js'

await runService(notificationsService)
