import { MEMBERSHIP_ROLES } from '@osinum/contracts'
import { describe, expect, it } from 'vitest'
import { EDITOR_REASON } from '../consumers/resources.js'
import * as m from './messages.js'
import { type EmailContent, renderEmail } from './templates.js'

/**
 * Slips a proofreader catches in French emails. Sample data starts with vowels on purpose
 * (« Arette », « Open data »…): an interpolation that forgets the elision shows up here.
 */
const SLIPS: Array<[RegExp, string]> = [
  [/\bque [aeiouyàâéèêëîïôöùûü]/i, 'missing elision: « que » before a vowel (« qu’agent », « qu’élu·e »)'],
  [
    /\b(de|le|la|ne|je|se|me|te) [aeiouyàâéèêëîïôöùûü]/i,
    'missing elision: « de / le / la / ne » before a vowel',
  ],
  [/\bsi il/i, 'missing elision: « s’il »'],
  [/\b[\p{L}]+\((e|es|ne|rice)\)/u, 'gender-inclusive form in brackets: use the middle dot (« inscrit·e »)'],
  [/\b[\p{L}]+\.(e|es|rice|ne)\b/u, 'gender-inclusive form with a full stop: use the middle dot'],
  [/[\p{L}]'[\p{L}]/u, 'typewriter apostrophe: use ’'],
  [/(?<=\S) {2,}/, 'double space'],
  [/ [,.](?![\p{L}\d])/u, 'space before a comma or a full stop'],
  [/\b(\p{L}+) \1\b/iu, 'repeated word'],
  [/undefined|null|NaN|\[object Object\]/, 'a value that was not filled in'],
]

const at = '2027-03-11T09:30:00+01:00'
const until = '2027-03-11T11:30:00+01:00'
const url = 'https://osinum.example.fr/page'
const org = 'Arette'
const training = 'Open data : premiers pas'
const roles = Object.keys(MEMBERSHIP_ROLES)

/** Every template, with sample data, in every variant a person can receive. */
function samples(): Array<[string, EmailContent]> {
  const out: Array<[string, EmailContent]> = [
    ['magicLink', m.magicLink({ url, expiresAt: at })],
    ['passwordReset', m.passwordReset({ url, expiresAt: at })],
    ['emailVerification', m.emailVerification({ url, expiresAt: at })],
    [
      'diagnosticSubmitted',
      m.diagnosticSubmitted({
        organisationName: org,
        level: 'C',
        overallScore: 54,
        themeScores: { 'open-data': 40, gdpr: 70 },
        lensScores: { sovereignty: 50, security: 60, sobriety: 70 },
        topMeasures: [{ title: 'Ouvrir un premier jeu de données', priority: 1, lenses: ['sovereignty'] }],
        reportUrl: url,
      }),
    ],
    ['supportMessage advisor', m.supportMessage({ organisationName: org, fromAdvisor: true, link: url })],
    ['supportMessage member', m.supportMessage({ organisationName: org, fromAdvisor: false, link: url })],
    [
      'digest daily',
      m.digest({
        frequency: 'daily',
        entries: [
          { kind: 'resource', title: 'Accessibilité', summary: 'Un guide.', link: url },
          { kind: 'tool', title: 'Element', summary: 'Messagerie.', link: url },
        ],
      }),
    ],
    [
      'digest weekly',
      m.digest({
        frequency: 'weekly',
        entries: [{ kind: 'resource', title: 'Accessibilité', summary: 'Un guide.', link: url }],
      }),
    ],
    ['newContent', m.newContent({ kind: 'tool', title: 'Element', summary: 'Messagerie.', link: url })],
    [
      'contentReported',
      m.contentReported({
        contentType: 'experience',
        title: 'Adopter un agenda partagé',
        reason: 'outdated',
        link: url,
      }),
    ],
    ['reviewSubmitted', m.reviewSubmitted({ toolName: 'Element', organisationName: org, link: url })],
    [
      'contactMessage',
      m.contactMessage({
        fromOrganisationName: org,
        toolName: 'Element',
        message: 'Bonjour, comment l’avez-vous installé ?',
        link: url,
        reply: false,
      }),
    ],
    [
      'contactMessage reply',
      m.contactMessage({
        fromOrganisationName: org,
        toolName: 'Element',
        message: 'Avec notre syndicat.',
        link: url,
        reply: true,
      }),
    ],
    [
      'contentHidden experience',
      m.contentHidden({
        contentType: 'experience',
        title: 'Adopter un agenda partagé',
        ruleLabel: 'Spam ou publicité',
        note: 'Une offre commerciale.',
        link: url,
      }),
    ],
    [
      'contentHidden comment',
      m.contentHidden({
        contentType: 'comment',
        title: 'Commentaire sur « Adopter un agenda partagé »',
        ruleLabel: 'Autre',
        note: null,
        link: url,
      }),
    ],
  ]
  for (const stage of ['requested', 'assigned', 'closed'] as const)
    for (const audience of ['advisor', 'member'] as const)
      out.push([
        `supportUpdate ${stage} ${audience}`,
        m.supportUpdate({ stage, audience, organisationName: org, topic: 'Messagerie', link: url }),
      ])
  for (const kind of ['overdue-action-item', 'stale-support-request'] as const)
    out.push([
      `reminder ${kind}`,
      m.reminder({
        kind,
        title: 'Installer un agenda',
        organisationName: org,
        dueOn: '2027-03-11',
        link: url,
      }),
    ])
  for (const role of roles) {
    out.push([
      `invitation ${role}`,
      m.invitation({ organisationName: org, invitedBy: 'Agnès', role, url, expiresAt: at }),
    ])
    out.push([
      `claimSubmittedToClaimant ${role}`,
      m.claimSubmittedToClaimant({ organisationName: org, role, url }),
    ])
    for (const competing of [0, 1, 2])
      out.push([
        `claimSubmittedToReviewer ${role} ${competing}`,
        m.claimSubmittedToReviewer({ organisationName: org, role, competing, url }),
      ])
  }
  for (const status of ['verified', 'rejected'] as const) {
    for (const method of [null, 'oidc-siret', 'invitation', 'referent'])
      out.push([
        `claimDecidedToClaimant ${status} ${method}`,
        m.claimDecidedToClaimant({ organisationName: org, status, method, url }),
      ])
    out.push([
      `claimDecidedToReviewer ${status}`,
      m.claimDecidedToReviewer({ organisationName: org, status, url }),
    ])
  }
  const changes: Array<Array<'time' | 'place' | 'link'>> = [
    ['time'],
    ['place'],
    ['link'],
    ['time', 'place', 'link'],
  ]
  for (const change of [
    'registered',
    'waiting',
    'promoted',
    'updated',
    'cancelled',
    'session-cancelled',
  ] as const)
    for (const mode of ['online', 'in-person'] as const)
      for (const c of change === 'updated' ? changes : [[]])
        for (const waiting of change === 'updated' ? [false, true] : [change === 'waiting'])
          out.push([
            `registration ${change} ${mode} ${c.join('+')} ${waiting ? 'waiting' : ''}`,
            m.registration({
              change,
              trainingTitle: training,
              startsAt: at,
              endsAt: until,
              link: url,
              hasCalendar: !waiting,
              waiting,
              changes: c,
              mode,
              place: mode === 'in-person' ? 'Salle du conseil, 1 place de la Mairie, 64570 Arette' : null,
              onlineUrl: mode === 'online' && !waiting ? 'https://visio.example.org/salle' : null,
            }),
          ])
  return out
}

/** The French a person reads: subject, summary and text (URLs left out: they are not prose). */
function prose(content: EmailContent): string {
  const rendered = renderEmail(
    content,
    { reason: EDITOR_REASON, unsubscribeUrl: url, preferencesUrl: url },
    m.greeting('Élise'),
  )
  return [rendered.subject, content.summary, rendered.text].join('\n').replace(/https?:\/\/\S+/g, 'LIEN')
}

describe('French email templates, proofread', () => {
  it('elides « en tant que » before a vowel', () => {
    expect(m.enTantQue('agent')).toBe('en tant qu’agent')
    expect(m.enTantQue('élu·e')).toBe('en tant qu’élu·e')
    expect(m.enTantQue('secrétaire')).toBe('en tant que secrétaire')
  })

  it('renders every template with sample data without a known slip', () => {
    const found: string[] = []
    const all = samples()
    expect(all.length).toBeGreaterThan(60)
    for (const [name, content] of all) {
      const text = prose(content)
      for (const [pattern, slip] of SLIPS) {
        const hit = text.match(pattern)
        if (hit)
          found.push(`${name}: ${slip} — « …${text.slice(Math.max(0, hit.index! - 30), hit.index! + 30)}… »`)
      }
    }
    expect(found).toEqual([])
  })

  it('catches the slips it is meant to catch', () => {
    const slipped = (text: string) => SLIPS.some(([pattern]) => pattern.test(text))
    expect(slipped('en tant que agent')).toBe(true)
    expect(slipped('en tant que élu·e')).toBe(true)
    expect(slipped('le espace de Arette')).toBe(true)
    expect(slipped('vous êtes inscrit(e)')).toBe(true)
    expect(slipped("l'agenda")).toBe(true)
    expect(slipped('en tant qu’agent, inscrit·e à l’atelier')).toBe(false)
  })
})
