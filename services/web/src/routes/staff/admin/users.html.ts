import type { PlatformRole } from '@osinum/contracts'
import {
  errorSummary,
  field,
  frenchDate,
  type PageContext,
  postForm,
  select,
  type View,
} from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, shortDate, staffView } from '../ui.js'

export const USERS_PATH = '/gestion/utilisateurs'
export const AUDIT_PATH = '/gestion/journal'

export interface UserRow {
  id: string
  email: string
  displayName: string | null
  platformRoles: PlatformRole[]
  operatorId: string | null
  lastLoginAt: string | null
  createdAt: string
}

export interface AuditRow {
  id: string
  at: string
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  ip: string | null
}

export const ROLE_LABELS: Record<PlatformRole, string> = {
  admin: 'Administrateur',
  editor: 'Éditeur',
  advisor: 'Conseiller',
}

const roles = (r: PlatformRole[]) =>
  r.length ? r.map((x) => ROLE_LABELS[x]).join(', ') : 'aucun (membre d’une commune)'

const AUDIENCE = html`l’administrateur de la plateforme (tout le monde) et les administrateurs d’un syndicat (son équipe et les membres de ses communes seulement).`

export function usersPage(
  ctx: PageContext,
  data: { users: UserRow[]; total: number; q: string; role: string; operators: Map<string, string> },
): View {
  return staffView(ctx, {
    title: 'Utilisateurs et rôles',
    audience: AUDIENCE,
    main: html`<h1>Utilisateurs et rôles</h1>
<form method="get" action="${USERS_PATH}" class="filters">
${field({ name: 'q', label: 'Nom ou adresse e-mail (une partie suffit)', type: 'search', value: data.q })}
${select({
  name: 'role',
  label: 'Rôle',
  value: data.role,
  options: [
    { value: '', label: 'Tous' },
    ...Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
  ],
})}
<div class="actions"><button type="submit" class="button button-secondary">Chercher</button></div>
</form>
${
  data.users.length
    ? html`<table>
<caption>${data.total} compte${data.total > 1 ? 's' : ''}${data.total > data.users.length ? ` (les ${data.users.length} premiers)` : ''}</caption>
<thead><tr><th scope="col">Personne</th><th scope="col">Rôles</th><th scope="col">Syndicat</th><th scope="col">Dernière connexion</th></tr></thead>
<tbody>${data.users.map(
        (
          u,
        ) => html`<tr><th scope="row"><a href="${USERS_PATH}/${u.id}">${u.displayName ?? u.email}</a>${u.displayName ? html`<br><span class="hint">${u.email}</span>` : ''}</th>
<td>${roles(u.platformRoles)}</td><td>${u.operatorId ? (data.operators.get(u.operatorId) ?? '—') : u.platformRoles.length ? 'toute la plateforme' : '—'}</td><td>${shortDate(u.lastLoginAt)}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucun compte ne correspond.</p>`
}`,
  })
}

export function userPage(
  ctx: PageContext,
  data: {
    user: UserRow
    operators: Array<{ id: string; name: string }>
    assignable: PlatformRole[]
    platformAdmin: boolean
    problem?: PageProblem
  },
): View {
  const u = data.user
  return staffView(ctx, {
    title: u.displayName ?? u.email,
    problem: data.problem,
    audience: AUDIENCE,
    main: html`<p><a href="${USERS_PATH}">← Utilisateurs et rôles</a></p>
<h1>${u.displayName ?? u.email}</h1>
${errorSummary(data.problem)}
<dl class="summary-list">
<div><dt>Adresse e-mail</dt><dd>${u.email}</dd></div>
<div><dt>Rôles</dt><dd>${roles(u.platformRoles)}</dd></div>
<div><dt>Compte créé le</dt><dd>${frenchDate(u.createdAt, false)}</dd></div>
<div><dt>Dernière connexion</dt><dd>${u.lastLoginAt ? frenchDate(u.lastLoginAt) : 'jamais'}</dd></div>
</dl>
<h2>Changer les rôles</h2>
${postForm(
  ctx,
  `${USERS_PATH}/${u.id}`,
  html`<fieldset class="field">
<legend>Rôles de cette personne</legend>
${data.assignable.map(
  (r, i) =>
    html`<div class="checkbox"><input type="checkbox" id="${i === 0 ? 'roles' : `role-${r}`}" name="roles" value="${r}"${u.platformRoles.includes(r) ? html` checked` : ''}><label for="${i === 0 ? 'roles' : `role-${r}`}">${ROLE_LABELS[r]}</label></div>`,
)}
</fieldset>
${
  data.platformAdmin
    ? select({
        name: 'operatorId',
        label: 'Pour quel syndicat',
        value: u.operatorId ?? '',
        options: [
          { value: '', label: 'Toute la plateforme (rôle national)' },
          ...data.operators.map((o) => ({ value: o.id, label: o.name })),
        ],
      })
    : ''
}
${confirmBox('confirmer', 'cette personne aura exactement les rôles cochés, tout de suite (ses pages et l’API suivent à sa prochaine action).', data.problem)}`,
  'Enregistrer les rôles',
)}`,
  })
}

export function auditPage(
  ctx: PageContext,
  data: {
    entries: AuditRow[]
    total: number
    filters: { action: string; from: string; to: string }
    actors: Map<string, string>
  },
): View {
  const f = data.filters
  return staffView(ctx, {
    title: 'Journal d’audit',
    audience: html`l’administrateur de la plateforme et les administrateurs d’un syndicat (les actions qui concernent le leur).`,
    main: html`<h1>Journal d’audit</h1>
<p class="lead">Qui a fait quoi, et quand : connexions, rôles, communes, invitations…</p>
<form method="get" action="${AUDIT_PATH}" class="filters">
${field({ name: 'action', label: 'Action', hint: 'Exacte, ou le début suivi de .* (par exemple login.*)', value: f.action })}
${field({ name: 'du', label: 'Depuis le (AAAA-MM-JJ)', value: f.from, short: true })}
${field({ name: 'au', label: 'Jusqu’au (AAAA-MM-JJ, inclus)', value: f.to, short: true })}
<div class="actions"><button type="submit" class="button button-secondary">Filtrer</button></div>
</form>
${
  data.entries.length
    ? html`<table>
<caption>${data.total} entrée${data.total > 1 ? 's' : ''}${data.total > data.entries.length ? ` (les ${data.entries.length} plus récentes)` : ''}</caption>
<thead><tr><th scope="col">Quand</th><th scope="col">Action</th><th scope="col">Par</th><th scope="col">Sur</th></tr></thead>
<tbody>${data.entries.map(
        (e) =>
          html`<tr><td>${frenchDate(e.at)}</td><th scope="row">${e.action}</th><td>${e.actorId ? (data.actors.get(e.actorId) ?? e.actorId) : 'le système'}</td><td>${e.targetType ? html`${e.targetType} ${e.targetId ?? ''}` : '—'}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucune entrée ne correspond.</p>`
}`,
  })
}
