import { runStatelessService } from '@osinum/service-kit'
import { webModule } from './service.js'

await runStatelessService(webModule)
