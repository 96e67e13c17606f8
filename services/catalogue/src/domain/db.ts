import type { EventTables } from '@osinum/events'
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** jsonb: read as a value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>

export interface HostingOption {
  mode: 'saas' | 'self-hosted' | 'operator'
  dataLocation: 'france' | 'eu' | 'outside-eu' | 'depends'
  note?: string | null
}
export interface Accessibility {
  rgaaDeclaration: 'none' | 'partial' | 'full' | 'unknown'
  declarationUrl?: string | null
  note?: string | null
}
export interface Security {
  twoFactor: boolean | null
  endToEndEncryption: boolean | null
  secNumCloud: boolean
  note?: string | null
}

export interface ToolsTable {
  id: string
  slug: string
  name: string
  summary: string
  description_md: string
  description_html: string
  website: string | null
  repository: string | null
  logo_url: string | null
  licence: string
  is_free: boolean
  categories: string[]
  themes: string[]
  hosting: Json<HostingOption[]>
  hosting_modes: string[]
  data_locations: string[]
  standards: string[]
  accessibility: Json<Accessibility>
  rgaa_declaration: string
  security: Json<Security>
  sobriety: string | null
  cost_model: string
  skill_level: string
  alternative_to: string[]
  wikidata_id: string | null
  sill_id: string | null
  comptoir_id: string | null
  framalibre_id: string | null
  status: 'draft' | 'published' | 'archived'
  revision: Generated<number>
  search_a: string
  search_b: string
  search_c: string
  name_norm: string
  created_at: Timestamp
  updated_at: Timestamp
  published_at: NullableTimestamp
}
export type ToolRow = Selectable<ToolsTable>
export type NewToolRow = Insertable<ToolsTable>
export type ToolRowUpdate = Updateable<ToolsTable>

export interface ToolRevisionsTable {
  id: string
  tool_id: string
  revision: number
  action: 'created' | 'updated' | 'published' | 'archived' | 'imported' | 'seeded'
  changed_by: string | null
  changed_at: Timestamp
  changes: Json<Record<string, { from: unknown; to: unknown }>>
}

export type CriterionKind = 'boolean' | 'enum' | 'number' | 'text'
export interface CriteriaTable {
  id: string
  key: string
  label: string
  description: string | null
  kind: CriterionKind
  options: Json<Array<{ value: string; label: string }>>
  unit: string | null
  filterable: boolean
  operator_id: string | null
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}
export type CriterionRow = Selectable<CriteriaTable>

export interface ToolAttributeValuesTable {
  tool_id: string
  criterion_id: string
  value: Json<boolean | number | string>
  updated_by: string | null
  updated_at: Timestamp
}

export interface ProvidersTable {
  id: string
  slug: string
  name: string
  kind: string
  website: string | null
  description: string | null
  siren: string | null
  regions: string[]
  created_at: Timestamp
  updated_at: Timestamp
}
export type ProviderRow = Selectable<ProvidersTable>

export interface ProviderOffersTable {
  id: string
  provider_id: string
  tool_id: string
  regions: string[]
  price_indication: string | null
  url: string | null
  description: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface OperatorsTable {
  id: string
  name: string
  departements: string[]
  source_time: Timestamp
}
export interface OrganisationsTable {
  id: string
  kind: string
  name: string
  population_bracket: string | null
  departement: string | null
  departement_name: string | null
  region: string | null
  region_name: string | null
  operator_id: string | null
  /** Someone verified speaks for it: only these count in usage figures and take part in contacts. */
  verified: Generated<boolean>
  source_time: Timestamp
}

export interface OperatorOffersTable {
  id: string
  operator_id: string
  tool_id: string
  description: string | null
  url: string | null
  price_indication: string | null
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type UsageStatus = 'uses' | 'evaluating' | 'abandoned'
export interface ToolUsagesTable {
  id: string
  tool_id: string
  organisation_id: string
  status: UsageStatus
  comment: string | null
  contact_consent: boolean
  declared_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ContactRequestsTable {
  id: string
  tool_id: string
  from_organisation_id: string
  to_organisation_id: string
  from_user_id: string | null
  created_at: Timestamp
}

export type ReviewStatus = 'pending' | 'published' | 'rejected'
export interface ReviewsTable {
  id: string
  tool_id: string
  organisation_id: string
  author_id: string | null
  author_role: string | null
  rating: number
  text: string
  status: ReviewStatus
  moderation_note: string | null
  moderated_by: string | null
  moderated_at: NullableTimestamp
  report_count: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}
export interface ReviewReportsTable {
  id: string
  review_id: string
  reporter_id: string | null
  reason: string
  created_at: Timestamp
}

export interface ImportsTable {
  id: string
  format: string
  imported_by: string | null
  created: number
  updated: number
  unchanged: number
  skipped: number
  refused: Generated<number>
  warnings: Generated<number>
  dry_run: Generated<boolean>
  /** Per-entry report (ImportEntry[]), read page by page. */
  report: Generated<unknown>
  created_at: Timestamp
}

export interface CatalogueStateTable {
  id: number
  version: number
}

export interface Database extends EventTables {
  tools: ToolsTable
  tool_revisions: ToolRevisionsTable
  criteria: CriteriaTable
  tool_attribute_values: ToolAttributeValuesTable
  providers: ProvidersTable
  provider_offers: ProviderOffersTable
  operators: OperatorsTable
  organisations: OrganisationsTable
  operator_offers: OperatorOffersTable
  tool_usages: ToolUsagesTable
  contact_requests: ContactRequestsTable
  reviews: ReviewsTable
  review_reports: ReviewReportsTable
  imports: ImportsTable
  catalogue_state: CatalogueStateTable
}

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
export type DbOrTrx = Db | Trx

/** Where raw SQL must qualify table names: the service's schema. */
export interface DbContext {
  db: Db
  schema: string
}

/** The search snapshot depends on this version: every write that changes what search shows bumps it. */
export async function bumpVersion(trx: DbOrTrx): Promise<void> {
  await trx
    .updateTable('catalogue_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute()
}
