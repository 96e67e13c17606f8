import { IdentityEvents } from '@osinum/contracts'
import type { ServiceEvents } from '@osinum/events'
import type { Trx } from './domain/db.js'
import { upsertOperator, upsertOrganisation } from './domain/identity-projection.js'
import type { SearchCache } from './domain/search-cache.js'

/**
 * What resources consumes from identity: collectivités and operators (local projection for the
 * operators' local content and the operator facet of search). Erasure: domain/personal-data.ts.
 */
export function registerConsumers(events: ServiceEvents, searchCache: SearchCache): void {
  events.on(IdentityEvents.OrganisationCreated, 'organisation-created', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OrganisationUpdated, 'organisation-updated', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OperatorCreated, 'operator-created', async ({ trx, event }) => {
    await upsertOperator(trx as Trx, event.data)
    searchCache.markStale()
  })
  events.on(IdentityEvents.OperatorUpdated, 'operator-updated', async ({ trx, event }) => {
    await upsertOperator(trx as Trx, event.data)
    searchCache.markStale()
  })
}
