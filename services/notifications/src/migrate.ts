import { runCli } from '@osinum/service-kit'
import { notificationsService } from './service.js'

process.exitCode = await runCli(notificationsService, ['migrate'])
