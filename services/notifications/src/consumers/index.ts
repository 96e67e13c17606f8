import type { Runtime } from '../runtime.js'
import { catalogueConsumers } from './catalogue.js'
import { diagnosticsConsumers } from './diagnostics.js'
import { identityConsumers } from './identity.js'
import { resourcesConsumers } from './resources.js'

/** Every event the notifications service consumes (durable consumers `notifications-<name>`). */
export function registerConsumers(rt: Runtime): void {
  identityConsumers(rt)
  diagnosticsConsumers(rt)
  resourcesConsumers(rt)
  catalogueConsumers(rt)
}
