import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

// ---- projections of identity events ------------------------------------------------------
export interface OrganisationTable {
  id: string
  kind: string
  official_code: string
  name: string
  population: number | null
  population_bracket: string | null
  departement: string | null
  region: string | null
  epci: string | null
  operator_id: string | null
  /** Someone verified speaks for it (identity's `verification`): only these count in statistics. */
  verified: Generated<boolean>
  last_event_id: string | null
  updated_at: Timestamp
}
export interface OperatorTable {
  id: string
  name: string
  departements: Json<string[]>
  coordinator_id: string | null
  last_event_id: string | null
  updated_at: Timestamp
}
export interface UserTable {
  id: string
  display_name: string | null
  platform_roles: Json<string[]>
  operator_id: string | null
  last_event_id: string | null
  updated_at: Timestamp
}
export interface MembershipTable {
  organisation_id: string
  user_id: string
  role: string
  referent: boolean
  /** False once revoked; the row stays so that an older, late event cannot resurrect it. */
  active: boolean
  last_event_id: string
  updated_at: Timestamp
}
export interface AdvisorAssignmentTable {
  organisation_id: string
  advisor_id: string
  operator_id: string | null
  active: boolean
  last_event_id: string
  updated_at: Timestamp
}
export interface ConsentTable {
  organisation_id: string
  granted: boolean
  by_user_id: string | null
  last_event_id: string
  updated_at: Timestamp
}

// ---- projections of catalogue and resources events ----------------------------------------
export interface ToolTable {
  slug: string
  tool_id: string
  name: string
  summary: string
  categories: Json<string[]>
  /** draft, published or archived: only published tools are recommended. */
  status: ColumnType<string, string | undefined, string>
  last_event_id: string | null
}
/** An operator's offer of a catalogue tool to its collectivités. */
export interface OperatorOfferTable {
  operator_id: string
  tool_slug: string
  description: string | null
  url: string | null
  active: ColumnType<boolean, boolean | undefined, boolean>
  last_event_id: string | null
}
export interface ResourceTable {
  slug: string
  resource_id: string
  title: string
  themes: Json<string[]>
  operator_id: string | null
  last_event_id: string | null
}

// ---- diagnostics ----------------------------------------------------------------------------
export type DiagnosticStatus = 'draft' | 'submitted'
export interface DiagnosticTable {
  id: string
  organisation_id: string
  questionnaire_id: string
  questionnaire_version: number
  status: DiagnosticStatus
  started_by: string | null
  started_at: Timestamp
  updated_at: Timestamp
  submitted_at: Date | null
  submitted_by: string | null
  level: string | null
  overall_score: number | null
  /** The frozen result (see `StoredResult` in results.ts); null while a draft. */
  result: ColumnType<unknown | null, string | null, string | null>
}
export interface AnswerTable {
  diagnostic_id: string
  question_id: string
  /** Selected option ids (one for a `single` question). */
  value: Json<string[]>
  /** Null once the person is erased. */
  answered_by: string | null
  answered_by_role: string | null
  answered_at: Timestamp
}
/** The latest submitted diagnostic of each collectivité, denormalised for the panorama and peers. */
export interface LatestResultTable {
  organisation_id: string
  diagnostic_id: string
  submitted_at: Timestamp
  questionnaire_version: number
  operator_id: string | null
  region: string | null
  departement: string | null
  population_bracket: string | null
  level: string
  overall_score: number
  theme_scores: Json<Record<string, number>>
  lens_scores: Json<Record<string, number>>
  /** Per national indicator id: 1 (matches), 0 (in the base, does not match); absent = not in the base. */
  indicators: Json<Record<string, 0 | 1>>
  revision: Generated<number>
}

/** A dated release of the panorama (see panorama-release.ts). */
export interface PanoramaReleaseTable {
  number: number
  published_at: Timestamp
  min_group_size: number
  contributions: number
  cells: Json<
    Array<{
      operatorId: string | null
      region: string | null
      departement: string | null
      populationBracket: string | null
      atom: number
      vec: number[]
    }>
  >
  atoms: Json<Array<{ size: number; parent: number | null }>>
  held: Generated<number>
}
/** A collectivité's contribution to releases: its result in a cell, from a release to another. */
export interface PanoramaContributionTable {
  id: string
  organisation_id: string
  diagnostic_id: string
  operator_id: string | null
  region: string | null
  departement: string | null
  population_bracket: string | null
  vec: Json<number[]>
  /** The release-graph node before it entered (`root` or `<release>:<atom>`). */
  start_node: string
  /** The node of the last release it is part of (`<release>:<atom>`). */
  end_node: string
  first_release: number
  last_release: number
  active: boolean
}

export interface Database {
  organisations: OrganisationTable
  operators: OperatorTable
  users: UserTable
  memberships: MembershipTable
  advisor_assignments: AdvisorAssignmentTable
  consents: ConsentTable
  tools: ToolTable
  operator_offers: OperatorOfferTable
  resources: ResourceTable
  diagnostics: DiagnosticTable
  answers: AnswerTable
  latest_results: LatestResultTable
  panorama_releases: PanoramaReleaseTable
  panorama_contributions: PanoramaContributionTable
}

export type Db = Kysely<Database> | Transaction<Database>
export type Organisation = Selectable<OrganisationTable>
export type Diagnostic = Selectable<DiagnosticTable>
export type NewDiagnostic = Insertable<DiagnosticTable>
export type DiagnosticUpdate = Updateable<DiagnosticTable>
export type Answer = Selectable<AnswerTable>
