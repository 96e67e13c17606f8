import type { Static } from 'typebox'
import type { CommentRow, ExperienceRow } from '../domain/community.js'
import type { Registration, ResourceListing } from '../domain/db.js'
import { toParisIso, toParisLocal } from '../domain/paris-time.js'
import type { ReportRow } from '../domain/reports.js'
import { isOutdated } from '../domain/resources.js'
import type { SessionRow } from '../domain/trainings.js'
import { isModerator, type Viewer } from '../domain/viewer.js'
import {
  LEVELS,
  REGISTRATION_STATUSES,
  REPORT_REASONS,
  RESOURCE_STATUSES,
  RESOURCE_TYPES,
  SESSION_MODES,
} from '../domain/vocabulary.js'
import type {
  CommentSchema,
  ExperienceSchema,
  MyRegistration,
  RegistrationSchema,
  Report,
  ResourceSummary,
  Session,
  TrainingSummary,
} from '../schemas.js'

const iso = (d: Date | string) => new Date(d).toISOString()
const isoOrNull = (d: Date | string | null | undefined) => (d ? iso(d) : null)
const label = (labels: Record<string, string>, id: string) => labels[id] ?? id

export function presentResource(
  r: ResourceListing & { score?: number | null; matched?: string[] },
): Static<typeof ResourceSummary> {
  return {
    id: r.id,
    slug: r.slug,
    type: r.type as never,
    typeLabel: label(RESOURCE_TYPES, r.type),
    title: r.title,
    summary: r.summary,
    themes: r.themes,
    audience: r.audience,
    level: r.level,
    levelLabel: label(LEVELS, r.level),
    durationMinutes: r.duration_minutes,
    licence: r.licence,
    sourceName: r.source_name,
    sourceUrl: r.source_url,
    relatedTools: r.related_tools,
    operatorId: r.operator_id,
    status: r.status as never,
    statusLabel: label(RESOURCE_STATUSES, r.status),
    publishedAt: isoOrNull(r.published_at),
    updatedAt: iso(r.updated_at),
    reviewBy: r.review_by,
    outdated: isOutdated(r.review_by),
    viewCount: r.view_count,
    bookmarkCount: r.bookmark_count,
    ...(r.score !== undefined && r.score !== null ? { score: Number(r.score) } : {}),
    ...(r.matched ? { matchedThemes: r.matched } : {}),
  }
}

export function presentReport(r: Partial<ReportRow> & ReportRow): Static<typeof Report> {
  return {
    id: r.id,
    contentType: r.content_type,
    contentId: r.content_id,
    reason: r.reason,
    reasonLabel: label(REPORT_REASONS, r.reason),
    message: r.message,
    status: r.status,
    createdAt: iso(r.created_at),
    title: r.title ?? null,
    resourceSlug: r.resource_slug ?? null,
    experienceId: r.experience_id ?? null,
    contentStatus: r.content_status ?? null,
    reporterId: r.reporter_id,
    resolvedAt: isoOrNull(r.resolved_at),
    resolutionNote: r.resolution_note,
  }
}

export interface SessionContext {
  publicUrl: string
  /** The viewer's registration for this session, if any. */
  mine?: (Registration & { position: number | null }) | undefined
  /** Organisers see the visio link. */
  organiser: boolean
}

export function presentMyRegistration(
  r: (Registration & { position: number | null }) | undefined,
): Static<typeof MyRegistration> | null {
  if (!r) return null
  return {
    id: r.id,
    status: r.status,
    statusLabel: label(REGISTRATION_STATUSES, r.status),
    position: r.position,
  }
}

export function presentSession(s: SessionRow, ctx: SessionContext): Static<typeof Session> {
  const startsAt = new Date(s.starts_at)
  const endsAt = new Date(s.ends_at)
  const registered = Number(s.registered_count)
  const showLink = ctx.organiser || ctx.mine?.status === 'registered'
  return {
    id: s.id,
    trainingSlug: s.training_slug,
    trainingTitle: s.training_title,
    startsAt: toParisIso(startsAt),
    endsAt: toParisIso(endsAt),
    startsAtLocal: toParisLocal(startsAt),
    endsAtLocal: toParisLocal(endsAt),
    timeZone: 'Europe/Paris',
    mode: s.mode as never,
    modeLabel: label(SESSION_MODES, s.mode),
    onlineUrl: showLink ? s.online_url : null,
    place: s.place,
    capacity: s.capacity,
    registeredCount: registered,
    waitingCount: Number(s.waiting_count),
    seatsLeft: Math.max(0, s.capacity - registered),
    operatorId: s.operator_id,
    icsUrl: `${ctx.publicUrl}/v1/training-sessions/${s.id}.ics`,
    myRegistration: presentMyRegistration(ctx.mine),
    cancelled: s.cancelled_at !== null,
    cancelledAt: isoOrNull(s.cancelled_at),
  }
}

export function presentTraining(t: {
  id: string
  slug: string
  title: string
  summary: string
  themes: string[]
  audience: string[]
  level: string
  duration_minutes: number | null
  operator_id: string | null
  next_session_at?: Date | string | null
  upcoming_sessions?: number | null
}): Static<typeof TrainingSummary> {
  return {
    id: t.id,
    slug: t.slug,
    title: t.title,
    summary: t.summary,
    themes: t.themes,
    audience: t.audience,
    level: t.level,
    levelLabel: label(LEVELS, t.level),
    durationMinutes: t.duration_minutes,
    operatorId: t.operator_id,
    nextSessionAt: t.next_session_at ? toParisIso(new Date(t.next_session_at)) : null,
    upcomingSessions: Number(t.upcoming_sessions ?? 0),
  }
}

export function presentRegistration(
  r: Registration & { position: number | null },
  session?: Static<typeof Session>,
): Static<typeof RegistrationSchema> {
  return {
    id: r.id,
    sessionId: r.session_id,
    userId: r.user_id,
    status: r.status as never,
    statusLabel: label(REGISTRATION_STATUSES, r.status),
    position: r.position,
    createdAt: iso(r.created_at),
    promotedAt: isoOrNull(r.promoted_at),
    cancelledAt: isoOrNull(r.cancelled_at),
    cancelledWithSession: r.cancelled_by_session,
    ...(session ? { session } : {}),
  }
}

/** An experience as `viewer` sees it (its moderators also see why it was hidden). */
export function presentExperience(e: ExperienceRow, viewer: Viewer): Static<typeof ExperienceSchema> {
  const moderator = isModerator(viewer, e.organisation_operator_id)
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    excerpt: e.excerpt,
    body: e.body,
    bodyHtml: e.body_html,
    themes: e.themes,
    tools: e.tools,
    organisation: { id: e.organisation_id, name: e.organisation_name ?? null },
    authorId: e.author_id,
    anonymised: e.author_id === null,
    usefulCount: Number(e.useful_count ?? 0),
    commentCount: Number(e.comment_count ?? 0),
    votedByMe: Boolean(e.voted_by_me),
    status: e.status as never,
    ...(moderator ? { hiddenReason: e.hidden_reason } : {}),
    demo: e.demo,
    createdAt: iso(e.created_at),
    updatedAt: iso(e.updated_at),
  }
}

export function presentComment(c: CommentRow): Static<typeof CommentSchema> {
  return {
    id: c.id,
    experienceId: c.experience_id,
    authorId: c.author_id,
    anonymised: c.author_id === null,
    body: c.body,
    bodyHtml: c.body_html,
    status: c.status as never,
    createdAt: iso(c.created_at),
  }
}
