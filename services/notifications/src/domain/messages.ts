import { LENSES, MEMBERSHIP_ROLES, THEMES } from '@osinum/contracts'
import type { EmailContent } from './templates.js'

/**
 * The French messages osinum sends. Each returns plain values (subject, blocks); `renderEmail`
 * escapes them. Nothing here builds HTML.
 */

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
})
const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' })
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' })

export function frenchDateTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

function frenchTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : time.format(d)
}

export function frenchDay(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  return Number.isNaN(d.getTime()) ? iso : day.format(d)
}

/** "de X" with the French elision before a vowel: "d’Alleyrat", "de Saint-Martin". */
const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöùûü]/i

export function de(name: string): string {
  return STARTS_WITH_VOWEL.test(name.trim()) ? `d’${name}` : `de ${name}`
}

/** « en tant qu’agent », « en tant qu’élu·e », « en tant que secrétaire ». */
export function enTantQue(role: string): string {
  return STARTS_WITH_VOWEL.test(role.trim()) ? `en tant qu’${role}` : `en tant que ${role}`
}

export function greeting(name: string | null | undefined): string {
  return name ? `Bonjour ${name},` : 'Bonjour,'
}

const themeLabel = (id: string) => (THEMES as Record<string, string>)[id] ?? id
const lensLabel = (id: string) => (LENSES as Record<string, string>)[id] ?? id
/** Scores travel as 0–100 (or 0–1 fractions): shown as "62 / 100". */
export const score = (n: number) =>
  `${Math.round(n <= 1 && n >= 0 && !Number.isInteger(n) ? n * 100 : n)} / 100`

// --- authentication (category auth: cannot be turned off, no unsubscribe link) ---

export function magicLink(p: { url: string; expiresAt: string }): EmailContent {
  return {
    subject: 'Votre lien de connexion à osinum',
    summary: 'Votre lien de connexion à osinum',
    link: p.url,
    blocks: [
      { kind: 'p', text: 'Vous avez demandé à vous connecter à osinum. Cliquez sur le bouton ci-dessous :' },
      { kind: 'action', label: 'Me connecter', url: p.url },
      {
        kind: 'p',
        text: `Ce lien est personnel et ne fonctionne qu’une fois, jusqu’au ${frenchDateTime(p.expiresAt)}. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : personne ne pourra se connecter sans ce lien.`,
      },
    ],
  }
}

export function invitation(p: {
  organisationName: string
  invitedBy: string | null
  role: string
  url: string
  expiresAt: string
}): EmailContent {
  const role = (MEMBERSHIP_ROLES as Record<string, string>)[p.role] ?? p.role
  return {
    subject: `Invitation à rejoindre ${p.organisationName} sur osinum`,
    summary: `Invitation à rejoindre ${p.organisationName}`,
    link: p.url,
    blocks: [
      {
        kind: 'p',
        text: `${p.invitedBy ? `${p.invitedBy} vous invite` : 'Vous êtes invité·e'} à rejoindre ${p.organisationName} sur osinum, ${enTantQue(role.toLowerCase())}.`,
      },
      {
        kind: 'p',
        text: 'osinum aide les petites collectivités à faire le point sur leurs outils numériques, à choisir des solutions souveraines, sûres et sobres, et à se faire accompagner.',
      },
      { kind: 'action', label: 'Accepter l’invitation', url: p.url },
      { kind: 'p', text: `Cette invitation est valable jusqu’au ${frenchDateTime(p.expiresAt)}.` },
    ],
  }
}

export function passwordReset(p: { url: string; expiresAt: string }): EmailContent {
  return {
    subject: 'Réinitialisation de votre mot de passe osinum',
    summary: 'Réinitialisation de votre mot de passe',
    link: p.url,
    blocks: [
      { kind: 'p', text: 'Une réinitialisation du mot de passe de votre compte osinum a été demandée.' },
      { kind: 'action', label: 'Choisir un nouveau mot de passe', url: p.url },
      {
        kind: 'p',
        text: `Ce lien est valable jusqu’au ${frenchDateTime(p.expiresAt)}. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.`,
      },
    ],
  }
}

export function emailVerification(p: { url: string; expiresAt: string }): EmailContent {
  return {
    subject: 'Confirmez votre adresse e-mail sur osinum',
    summary: 'Confirmez votre adresse e-mail',
    link: p.url,
    blocks: [
      { kind: 'p', text: 'Merci de confirmer que cette adresse e-mail est bien la vôtre.' },
      { kind: 'action', label: 'Confirmer mon adresse', url: p.url },
      { kind: 'p', text: `Ce lien est valable jusqu’au ${frenchDateTime(p.expiresAt)}.` },
    ],
  }
}

// --- diagnostics ---

export function diagnosticSubmitted(p: {
  organisationName: string
  level: string
  overallScore: number
  themeScores: Record<string, number>
  lensScores: Record<string, number>
  topMeasures: Array<{ title: string; priority: number; lenses: string[] }>
  reportUrl: string
}): EmailContent {
  const themes = Object.entries(p.themeScores).sort(([, a], [, b]) => a - b)
  const measures = [...p.topMeasures].sort((a, b) => a.priority - b.priority)
  return {
    subject: `Diagnostic numérique ${de(p.organisationName)} : niveau ${p.level}`,
    summary: `Le diagnostic ${de(p.organisationName)} est disponible : niveau ${p.level}, ${measures.length} mesure(s) prioritaire(s).`,
    link: p.reportUrl,
    blocks: [
      {
        kind: 'p',
        text: `Le diagnostic numérique ${de(p.organisationName)} vient d’être soumis. Voici l’essentiel de ses résultats.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Niveau global', p.level],
          ['Score global', score(p.overallScore)],
          ...Object.entries(p.lensScores).map(([lens, s]) => [lensLabel(lens), score(s)] as [string, string]),
        ],
      },
      ...(themes.length
        ? [
            { kind: 'heading' as const, text: 'Scores par thème' },
            {
              kind: 'facts' as const,
              rows: themes.map(([theme, s]) => [themeLabel(theme), score(s)] as [string, string]),
            },
          ]
        : []),
      ...(measures.length
        ? [
            { kind: 'heading' as const, text: 'Mesures prioritaires' },
            {
              kind: 'list' as const,
              items: measures.map(
                (m) => `${m.title}${m.lenses.length ? ` (${m.lenses.map(lensLabel).join(', ')})` : ''}`,
              ),
            },
          ]
        : []),
      { kind: 'action', label: 'Voir le rapport complet', url: p.reportUrl },
    ],
  }
}

// --- support (accompagnement) ---

export type SupportStage = 'requested' | 'assigned' | 'closed'

export function supportUpdate(p: {
  stage: SupportStage
  audience: 'advisor' | 'member'
  organisationName: string
  topic: string
  link: string
}): EmailContent {
  const texts: Record<SupportStage, Record<'advisor' | 'member', [string, string]>> = {
    requested: {
      advisor: [
        `Nouvelle demande d’accompagnement ${de(p.organisationName)}`,
        `${p.organisationName} demande un accompagnement : « ${p.topic} ».`,
      ],
      member: [
        'Votre demande d’accompagnement est enregistrée',
        `La demande d’accompagnement ${de(p.organisationName)} (« ${p.topic} ») a été transmise aux conseillers de votre territoire.`,
      ],
    },
    assigned: {
      advisor: [
        `Demande d’accompagnement attribuée : ${p.organisationName}`,
        `La demande ${de(p.organisationName)} (« ${p.topic} ») vous est attribuée.`,
      ],
      member: [
        'Un conseiller suit votre demande d’accompagnement',
        `Un conseiller a pris en charge la demande ${de(p.organisationName)} (« ${p.topic} »).`,
      ],
    },
    closed: {
      advisor: [
        `Demande d’accompagnement close : ${p.organisationName}`,
        `La demande ${de(p.organisationName)} (« ${p.topic} ») est close.`,
      ],
      member: [
        'Votre demande d’accompagnement est close',
        `La demande ${de(p.organisationName)} (« ${p.topic} ») est close. Vous pouvez en ouvrir une nouvelle à tout moment.`,
      ],
    },
  }
  const [subject, text] = texts[p.stage][p.audience]
  return {
    subject,
    summary: text,
    link: p.link,
    blocks: [
      { kind: 'p', text },
      { kind: 'action', label: 'Voir la demande', url: p.link },
    ],
  }
}

export function supportMessage(p: {
  organisationName: string
  fromAdvisor: boolean
  link: string
}): EmailContent {
  const text = p.fromAdvisor
    ? `Votre conseiller a répondu à la demande d’accompagnement ${de(p.organisationName)}.`
    : `${p.organisationName} a écrit un nouveau message dans sa demande d’accompagnement.`
  return {
    subject: p.fromAdvisor
      ? 'Nouveau message de votre conseiller'
      : `Nouveau message ${de(p.organisationName)}`,
    summary: text,
    link: p.link,
    blocks: [
      { kind: 'p', text },
      { kind: 'action', label: 'Lire le message', url: p.link },
    ],
  }
}

export function reminder(p: {
  kind: 'overdue-action-item' | 'stale-support-request'
  title: string
  organisationName: string
  dueOn: string
  link: string
}): EmailContent {
  const overdue = p.kind === 'overdue-action-item'
  const text = overdue
    ? `L’action « ${p.title} » du plan ${de(p.organisationName)} était prévue pour le ${frenchDay(p.dueOn)} et n’est pas terminée.`
    : `La demande d’accompagnement « ${p.title} » ${de(p.organisationName)} attend une réponse.`
  return {
    subject: overdue ? `Rappel : action en retard — ${p.title}` : `Rappel : demande en attente — ${p.title}`,
    summary: text,
    link: p.link,
    blocks: [
      { kind: 'p', text },
      { kind: 'action', label: overdue ? 'Voir le plan d’action' : 'Voir la demande', url: p.link },
    ],
  }
}

// --- trainings ---

export type RegistrationChange =
  | 'registered'
  | 'waiting'
  | 'promoted'
  | 'updated'
  | 'cancelled'
  | 'session-cancelled'

export function registration(p: {
  change: RegistrationChange
  trainingTitle: string
  startsAt: string
  endsAt: string
  link: string
  hasCalendar: boolean
  /** On the waiting list (then no visio link and no invitation). */
  waiting?: boolean
  /** For `updated`: what moved. */
  changes?: ReadonlyArray<'time' | 'place' | 'link'>
  mode?: 'online' | 'in-person' | null
  place?: string | null
  /** Only for people holding a seat. */
  onlineUrl?: string | null
}): EmailContent {
  const when = `${frenchDateTime(p.startsAt)} – ${frenchTime(p.endsAt)} (heure de Paris)`
  const changes = p.changes ?? []
  const what = [
    changes.includes('time') ? 'l’horaire' : '',
    changes.includes('place') ? 'le lieu' : '',
    changes.includes('link') ? 'le lien de connexion' : '',
  ].filter(Boolean)
  const whatText =
    what.length > 1 ? `${what.slice(0, -1).join(', ')} et ${what.at(-1)}` : (what[0] ?? 'les informations')
  const subjects: Record<RegistrationChange, string> = {
    registered: `Inscription confirmée : ${p.trainingTitle}`,
    waiting: `Liste d’attente : ${p.trainingTitle}`,
    promoted: `Une place s’est libérée : ${p.trainingTitle}`,
    updated: changes.includes('time')
      ? `Nouvel horaire : ${p.trainingTitle}`
      : `Changement pour votre formation : ${p.trainingTitle}`,
    cancelled: `Inscription annulée : ${p.trainingTitle}`,
    'session-cancelled': `Session annulée : ${p.trainingTitle}`,
  }
  const texts: Record<RegistrationChange, string> = {
    registered: `Votre inscription à la formation « ${p.trainingTitle} » est confirmée.`,
    waiting: `La session de la formation « ${p.trainingTitle} » est complète : vous êtes inscrit·e sur la liste d’attente. Nous vous écrirons si une place se libère.`,
    promoted: `Bonne nouvelle : une place s’est libérée, votre inscription à la formation « ${p.trainingTitle} » est confirmée.`,
    updated: `Les organisateurs ont changé ${whatText} de la session de la formation « ${p.trainingTitle} »${
      p.waiting ? ' pour laquelle vous êtes sur la liste d’attente' : ''
    }. Voici les informations à jour.`,
    cancelled: `Votre inscription à la formation « ${p.trainingTitle} » est annulée.`,
    'session-cancelled': `Les organisateurs ont annulé la session de la formation « ${p.trainingTitle} ». Votre inscription est annulée ; vous pouvez choisir une autre session sur la page de la formation.`,
  }
  const calendar: Record<RegistrationChange, string> = {
    registered: 'L’invitation jointe (fichier .ics) ajoute la session à votre agenda.',
    waiting: '',
    promoted: 'L’invitation jointe (fichier .ics) ajoute la session à votre agenda.',
    updated: 'L’invitation jointe (fichier .ics) met la session à jour dans votre agenda.',
    cancelled: 'L’annulation jointe (fichier .ics) retire la session de votre agenda.',
    'session-cancelled': 'L’annulation jointe (fichier .ics) retire la session de votre agenda.',
  }
  const cancelled = p.change === 'cancelled' || p.change === 'session-cancelled'
  const where: Array<[string, string]> = cancelled
    ? []
    : p.mode === 'online'
      ? [
          [
            'Où',
            p.onlineUrl
              ? `En ligne : ${p.onlineUrl}`
              : 'En ligne (le lien est envoyé aux personnes inscrites)',
          ],
        ]
      : p.place
        ? [['Où', p.place]]
        : []
  return {
    subject: subjects[p.change],
    summary: texts[p.change],
    link: p.link,
    blocks: [
      { kind: 'p', text: texts[p.change] },
      { kind: 'facts', rows: [['Quand', when], ...where] },
      ...(p.hasCalendar && calendar[p.change] ? [{ kind: 'p' as const, text: calendar[p.change] }] : []),
      { kind: 'action', label: 'Voir la formation', url: p.link },
    ],
  }
}

// --- moderation: the author of hidden content ---

export function contentHidden(p: {
  contentType: 'experience' | 'comment'
  title: string
  ruleLabel: string
  note: string | null
  link: string
}): EmailContent {
  const what = p.contentType === 'experience' ? 'Votre retour d’expérience' : 'Votre commentaire'
  const text = `${what} « ${p.title} » a été masqué par l’équipe de modération d’osinum : il n’est plus visible des autres collectivités.`
  return {
    subject: `${what} a été masqué : ${p.title}`,
    summary: text,
    link: p.link,
    blocks: [
      { kind: 'p', text },
      {
        kind: 'facts',
        rows: [
          ['Règle en cause', p.ruleLabel],
          ...(p.note ? ([['Précision des modérateurs', p.note]] as Array<[string, string]>) : []),
        ],
      },
      {
        kind: 'p',
        text: 'Si vous pensez que c’est une erreur, vous pouvez contester cette décision : écrivez à l’équipe de modération du syndicat numérique qui vous accompagne (l’opérateur d’osinum sur votre territoire) en rappelant le titre de votre message et ce qui vous paraît justifier son rétablissement. Les modérateurs peuvent le rétablir tel quel.',
      },
      { kind: 'action', label: 'Ouvrir la communauté', url: p.link },
    ],
  }
}

// --- new content (digest) ---

export interface DigestEntry {
  kind: 'resource' | 'tool'
  title: string
  summary: string
  link: string
}

export function newContent(entry: DigestEntry): EmailContent {
  const what = entry.kind === 'resource' ? 'Nouvelle ressource' : 'Nouvel outil au catalogue'
  return {
    subject: `${what} : ${entry.title}`,
    summary: `${what} sur vos thèmes : ${entry.title}`,
    link: entry.link,
    blocks: [
      { kind: 'p', text: `${what} sur les thèmes que vous suivez :` },
      { kind: 'links', items: [{ title: entry.title, url: entry.link, text: entry.summary }] },
    ],
  }
}

export function digest(p: { frequency: 'daily' | 'weekly'; entries: DigestEntry[] }): EmailContent {
  const resources = p.entries.filter((e) => e.kind === 'resource')
  const tools = p.entries.filter((e) => e.kind === 'tool')
  const period = p.frequency === 'daily' ? 'du jour' : 'de la semaine'
  const item = (e: DigestEntry) => ({ title: e.title, url: e.link, text: e.summary })
  return {
    subject: `Les nouveautés ${period} sur osinum (${p.entries.length})`,
    summary: `${p.entries.length} nouveauté(s) sur vos thèmes`,
    blocks: [
      { kind: 'p', text: `Voici les nouveautés ${period} sur les thèmes que vous suivez.` },
      ...(resources.length
        ? [
            { kind: 'heading' as const, text: 'Ressources' },
            { kind: 'links' as const, items: resources.map(item) },
          ]
        : []),
      ...(tools.length
        ? [
            { kind: 'heading' as const, text: 'Outils' },
            { kind: 'links' as const, items: tools.map(item) },
          ]
        : []),
    ],
  }
}

// --- moderation ---

export function contentReported(p: {
  contentType: string
  title: string
  reason: string
  link: string
}): EmailContent {
  const type: Record<string, string> = {
    resource: 'une ressource',
    experience: 'un retour d’expérience',
    comment: 'un commentaire',
  }
  return {
    subject: `Signalement à examiner : ${p.title}`,
    summary: `Signalement sur ${type[p.contentType] ?? 'un contenu'} : ${p.title}`,
    link: p.link,
    blocks: [
      {
        kind: 'p',
        text: `Un contenu a été signalé sur ${type[p.contentType] ?? 'un contenu'} : « ${p.title} ».`,
      },
      { kind: 'quote', text: p.reason },
      { kind: 'action', label: 'Examiner le signalement', url: p.link },
    ],
  }
}

export function reviewSubmitted(p: {
  toolName: string
  organisationName: string
  link: string
}): EmailContent {
  return {
    subject: `Avis à modérer : ${p.toolName}`,
    summary: `${p.organisationName} a publié un avis sur ${p.toolName}, à modérer.`,
    link: p.link,
    blocks: [
      {
        kind: 'p',
        text: `${p.organisationName} a déposé un avis sur l’outil « ${p.toolName} ». Il attend votre modération.`,
      },
      { kind: 'action', label: 'Modérer l’avis', url: p.link },
    ],
  }
}

// --- community: relayed messages, addresses never exposed ---

export function contactMessage(p: {
  fromOrganisationName: string
  toolName: string
  message: string
  link: string
  reply: boolean
}): EmailContent {
  const intro = p.reply
    ? `${p.fromOrganisationName} vous répond au sujet de l’outil « ${p.toolName} » :`
    : `${p.fromOrganisationName} utilise osinum et aimerait échanger avec votre collectivité au sujet de l’outil « ${p.toolName} », que vous utilisez :`
  return {
    subject: p.reply
      ? `Réponse ${de(p.fromOrganisationName)} à propos ${de(p.toolName)}`
      : `${p.fromOrganisationName} souhaite échanger avec vous à propos ${de(p.toolName)}`,
    summary: p.reply
      ? `Réponse ${de(p.fromOrganisationName)} à propos ${de(p.toolName)}`
      : `Message ${de(p.fromOrganisationName)} à propos ${de(p.toolName)}`,
    link: p.link,
    blocks: [
      { kind: 'p', text: intro },
      { kind: 'quote', text: p.message },
      {
        kind: 'p',
        text: 'Ce message vous est relayé par osinum : votre adresse n’a pas été communiquée. Pour répondre, utilisez osinum ; votre réponse sera relayée de la même façon, sans dévoiler votre adresse.',
      },
      { kind: 'action', label: 'Répondre sur osinum', url: p.link },
    ],
  }
}

// --- who speaks for a collectivité (claims) ---

const roleLabel = (role: string) => ((MEMBERSHIP_ROLES as Record<string, string>)[role] ?? role).toLowerCase()

/** To the claimant: the claim is recorded; how it gets verified. */
export function claimSubmittedToClaimant(p: {
  organisationName: string
  role: string
  url: string
}): EmailContent {
  return {
    subject: `Votre demande de rattachement à ${p.organisationName} est enregistrée`,
    summary: `Demande de rattachement à ${p.organisationName} en attente de vérification`,
    link: p.url,
    blocks: [
      {
        kind: 'p',
        text: `Vous avez demandé à représenter ${p.organisationName} sur osinum, ${enTantQue(roleLabel(p.role))}. Tant que cette demande n’est pas vérifiée, vous pouvez utiliser osinum pour votre collectivité, mais elle n’apparaît dans aucune statistique et ne peut ni inviter ni contacter d’autres collectivités.`,
      },
      {
        kind: 'p',
        text: 'Pour la faire vérifier tout de suite, connectez-vous avec ProConnect depuis le compte professionnel de votre mairie. Sinon, votre syndicat numérique la vérifiera, ou un membre déjà vérifié de votre collectivité peut vous inviter.',
      },
      { kind: 'action', label: 'Voir ma demande', url: p.url },
    ],
  }
}

/**
 * To the syndicate (coordinator, administrators) and, once verified, the referents: a claim to
 * decide. The claimant is not named: the message stays in the reviewers' inbox, the claim (and who
 * made it, erased with them) is one link away.
 */
export function claimSubmittedToReviewer(p: {
  organisationName: string
  role: string
  competing: number
  url: string
}): EmailContent {
  const competing =
    p.competing > 0
      ? ` Attention : ${p.competing === 1 ? 'une autre demande est' : `${p.competing} autres demandes sont`} en attente pour cette collectivité ; vérifiez qui la représente vraiment avant de décider.`
      : ''
  return {
    subject: `Demande de rattachement à vérifier : ${p.organisationName}`,
    summary: `Nouvelle demande pour représenter ${p.organisationName}`,
    link: p.url,
    blocks: [
      {
        kind: 'p',
        text: `Une personne demande à représenter ${p.organisationName} sur osinum, ${enTantQue(roleLabel(p.role))}.${competing}`,
      },
      {
        kind: 'p',
        text: 'Vérifiez auprès de la mairie que cette personne y travaille ou y est élue, puis acceptez ou refusez la demande. Tant qu’elle n’est pas vérifiée, la collectivité ne compte dans aucune statistique.',
      },
      { kind: 'action', label: 'Examiner la demande', url: p.url },
    ],
  }
}

/** To the claimant: the decision. */
export function claimDecidedToClaimant(p: {
  organisationName: string
  status: 'verified' | 'rejected'
  method: string | null
  url: string
}): EmailContent {
  const how =
    p.method === 'oidc-siret'
      ? 'grâce à votre connexion ProConnect, dont l’établissement est celui de votre collectivité'
      : p.method === 'invitation'
        ? 'grâce à l’invitation d’un membre vérifié'
        : p.method === 'referent'
          ? 'par le référent de la collectivité'
          : 'par votre syndicat numérique'
  return p.status === 'verified'
    ? {
        subject: `Vous représentez désormais ${p.organisationName} sur osinum`,
        summary: `Rattachement à ${p.organisationName} vérifié`,
        link: p.url,
        blocks: [
          { kind: 'p', text: `Votre rattachement à ${p.organisationName} a été vérifié ${how}.` },
          {
            kind: 'p',
            text: 'Votre collectivité compte maintenant dans les comparaisons entre collectivités, et vous pouvez inviter vos collègues et contacter d’autres communes.',
          },
          { kind: 'action', label: 'Ouvrir osinum', url: p.url },
        ],
      }
    : {
        subject: `Votre demande de rattachement à ${p.organisationName} n’a pas été acceptée`,
        summary: `Rattachement à ${p.organisationName} refusé`,
        link: p.url,
        blocks: [
          {
            kind: 'p',
            text: `Votre demande de représenter ${p.organisationName} n’a pas été acceptée ${how}. Si vous pensez qu’il s’agit d’une erreur, contactez votre syndicat numérique ou la mairie.`,
          },
        ],
      }
}

/** To the other reviewers: someone decided. */
export function claimDecidedToReviewer(p: {
  organisationName: string
  status: 'verified' | 'rejected'
  url: string
}): EmailContent {
  const verb = p.status === 'verified' ? 'acceptée' : 'refusée'
  return {
    subject: `Demande de rattachement ${verb} : ${p.organisationName}`,
    summary: `Une demande pour représenter ${p.organisationName} a été ${verb}`,
    link: p.url,
    blocks: [
      {
        kind: 'p',
        text: `Une demande de représenter ${p.organisationName} a été ${verb}. Aucune action n’est nécessaire de votre part.`,
      },
      { kind: 'action', label: 'Voir la demande', url: p.url },
    ],
  }
}
