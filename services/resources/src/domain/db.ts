import type { EventTables } from '@osinum/events'
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

/** Local projection of identity's organisations (name and operator, for visibility and display). */
export interface OrganisationTable {
  id: string
  name: string | null
  operator_id: string | null
  updated_at: Timestamp
}
/** Local projection of identity's operators (names for the operator facet). */
export interface OperatorTable {
  id: string
  name: string
  updated_at: Timestamp
}

export interface ResourceTable {
  id: string
  slug: string
  type: string
  title: string
  summary: string
  body: string
  body_html: string
  themes: string[]
  audience: string[]
  level: string
  duration_minutes: number | null
  licence: string
  source_licence: string | null
  source_url: string | null
  source_name: string | null
  related_tools: string[]
  operator_id: string | null
  status: Generated<string>
  review_by: string | null
  published_at: Date | null
  created_by: string | null
  updated_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  view_count: Generated<number>
  bookmark_count: Generated<number>
  /** Generated tsvector (never written). */
  search: ColumnType<string, never, never>
}

export interface ResourceHistoryTable {
  id: Generated<string>
  resource_id: string
  at: CreatedAt
  actor_id: string | null
  action: string
  from_status: string | null
  to_status: string | null
  changes: ColumnType<string[], string, string>
  note: string | null
}

export interface AttachmentTable {
  id: string
  resource_id: string
  filename: string
  mime_type: string
  size_bytes: number
  storage: string
  storage_key: string
  created_by: string | null
  created_at: CreatedAt
}
export interface AttachmentBlobTable {
  key: string
  data: Uint8Array
  created_at: CreatedAt
}

export interface ContentReportTable {
  id: string
  content_type: 'resource' | 'experience' | 'comment'
  content_id: string
  reporter_id: string | null
  reason: string
  message: string | null
  status: Generated<string>
  created_at: CreatedAt
  resolved_by: string | null
  resolved_at: Date | null
  resolution_note: string | null
}

export interface TrainingTable {
  id: string
  slug: string
  title: string
  summary: string
  description: string
  description_html: string
  themes: string[]
  audience: string[]
  level: string
  duration_minutes: number | null
  operator_id: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface TrainingSessionTable {
  id: string
  training_id: string
  starts_at: Timestamp
  ends_at: Timestamp
  mode: string
  online_url: string | null
  place: string | null
  capacity: number
  created_at: CreatedAt
  updated_at: Timestamp
  /** Set when the organisers cancelled the session; its registrations are kept, cancelled. */
  cancelled_at: Generated<Date | null>
}

export interface RegistrationTable {
  id: string
  seq: Generated<number>
  session_id: string
  user_id: string
  status: string
  created_at: CreatedAt
  promoted_at: Date | null
  cancelled_at: Date | null
  /** iCalendar SEQUENCE of the last invitation sent for this registration. */
  ics_sequence: Generated<number>
  /** Cancelled because the session was cancelled (not by the person). */
  cancelled_by_session: Generated<boolean>
}

export interface ExperienceTable {
  id: string
  slug: string | null
  title: string
  body: string
  body_html: string
  excerpt: string
  themes: string[]
  tools: string[]
  organisation_id: string
  author_id: string | null
  status: Generated<string>
  hidden_at: Date | null
  hidden_by: string | null
  hidden_reason: string | null
  demo: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
  search: ColumnType<string, never, never>
}

export interface CommentTable {
  id: string
  experience_id: string
  author_id: string | null
  body: string
  body_html: string
  status: Generated<string>
  hidden_at: Date | null
  hidden_by: string | null
  hidden_reason: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface UsefulVoteTable {
  experience_id: string
  user_id: string
  created_at: CreatedAt
}

export interface CollectionTable {
  id: string
  owner_id: string
  name: string
  description: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}
export interface CollectionItemTable {
  collection_id: string
  resource_id: string
  added_at: CreatedAt
}

export interface Database extends EventTables {
  organisations: OrganisationTable
  operators: OperatorTable
  resources: ResourceTable
  resource_history: ResourceHistoryTable
  attachments: AttachmentTable
  attachment_blobs: AttachmentBlobTable
  content_reports: ContentReportTable
  trainings: TrainingTable
  training_sessions: TrainingSessionTable
  registrations: RegistrationTable
  experiences: ExperienceTable
  comments: CommentTable
  useful_votes: UsefulVoteTable
  collections: CollectionTable
  collection_items: CollectionItemTable
}

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
export type DbOrTrx = Db | Trx

export type Resource = Omit<Selectable<ResourceTable>, 'search'>
/** A resource as lists show it: without its Markdown and HTML bodies. */
export type ResourceListing = Omit<Resource, 'body' | 'body_html'>
export type NewResource = Insertable<ResourceTable>
export type TrainingSession = Selectable<TrainingSessionTable>
export type Registration = Selectable<RegistrationTable>
export type Experience = Omit<Selectable<ExperienceTable>, 'search'>
export type Comment = Selectable<CommentTable>
