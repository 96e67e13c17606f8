import { readFileSync } from 'node:fs'
import { CATEGORY_IDS, THEME_IDS } from '@osinum/contracts'
import { describe, expect, it } from 'vitest'
import { completeAnswers } from '../testing.js'
import { effectiveAnswers } from './questionnaire.js'
import { defaultReferential } from './referential.js'
import { type Condition, matches, type RuleSet, recommend } from './rules.js'
import { score } from './scoring.js'

const referential = defaultReferential()
const v1 = referential.questionnaire(1)!
const rules = referential.rulesFor(1)

/** The best answers, with no training wish and one mailbox: no rule fires (checked below). */
const baseline = completeAnswers(v1, (id) =>
  id === 'governance.training-wishes' ? 'none' : id === 'email.several-mailboxes' ? 'no' : undefined,
)
const fired = (overrides: Record<string, string[]>) => {
  const answers = { ...baseline, ...overrides }
  const s = score(v1, answers)
  return recommend(rules, { answers: effectiveAnswers(v1, answers), themeScores: s.themeScores }).map(
    (m) => m.ruleId,
  )
}

/**
 * Hand-computed cases: answers changed from the baseline → the exact rules expected to fire. Where a
 * rule also has a `themeScoreBelow` branch, the comment gives the theme score by hand.
 */
const CASES: Array<[string, Record<string, string[]>, string[]]> = [
  // governance (0·1.5 + 100 + 100 + 100)/4.5 = 66.7: no themeScoreBelow 50
  ['no digital pilot', { 'governance.pilot': ['nobody'] }, ['appoint-digital-pilot']],
  ['a referent "don’t know"', { 'governance.digital-referent': ['dont-know'] }, ['appoint-digital-pilot']],
  ['no external provider', { 'governance.external-provider': ['no'] }, ['join-mutualised-operator']],
  // governance (0 + 60 + 0 + 0)/4.5 = 13.3 < 50 → the private-company branch fires
  [
    'a private provider and weak governance',
    {
      'governance.pilot': ['nobody'],
      'governance.external-provider': ['private-company'],
      'governance.digital-referent': ['no'],
      'governance.tool-inventory': ['no'],
    },
    ['appoint-digital-pilot', 'build-it-inventory', 'join-mutualised-operator'],
  ],
  // governance (150 + 60 + 100 + 100)/4.5 = 91.1 ≥ 50 → a private provider alone fires nothing
  ['a private provider and strong governance', { 'governance.external-provider': ['private-company'] }, []],
  ['an outdated inventory', { 'governance.tool-inventory': ['outdated'] }, ['build-it-inventory']],
  ['personal desktops', { 'equipment.desktop': ['personal'] }, ['provide-professional-computers']],
  [
    'no computer at all',
    { 'equipment.desktop': ['none'], 'equipment.laptop': ['none'] },
    ['provide-professional-computers'],
  ],
  ['a personal smartphone', { 'equipment.smartphone': ['personal'] }, ['separate-smartphone-uses']],
  [
    'an open wifi',
    { 'connectivity.workplace': ['wifi'], 'connectivity.wifi-security': ['open'] },
    ['secure-town-hall-wifi'],
  ],
  ['no connection', { 'connectivity.workplace': ['none'] }, ['secure-town-hall-wifi']],
  ['no remote access to files', { 'telework.secure-access': ['no-access'] }, ['secure-remote-file-access']],
  [
    'telework on a personal computer',
    { 'telework.computer': ['personal'] },
    ['professional-telework-equipment'],
  ],
  ['telework on public wifi', { 'telework.connection': ['public-wifi'] }, ['avoid-public-wifi']],
  // usb-encryption becomes visible but stays unanswered: its rule cannot fire
  ['data on USB keys', { 'data-storage.locations': ['usb-key'] }, ['centralise-data-storage']],
  [
    'unencrypted local disks',
    { 'data-storage.locations': ['local-disk'], 'security.usb-encryption': ['no'] },
    ['centralise-data-storage', 'encrypt-removable-media'],
  ],
  ['unknown hosting country', { 'data-storage.hosting-country': ['dont-know'] }, ['map-data-locations']],
  ['unknown data locations', { 'data-storage.locations': ['dont-know'] }, ['map-data-locations']],
  ['data outside Europe', { 'data-storage.hosting-country': ['outside-eu'] }, ['repatriate-data-to-europe']],
  ['monthly backups', { 'data-storage.backup-frequency': ['monthly'] }, ['automate-backups']],
  // never backing up hides the offsite and restore questions
  ['no backup', { 'data-storage.backup-frequency': ['never'] }, ['automate-backups']],
  ['no offsite backup', { 'data-storage.backup-offsite': ['no'] }, ['keep-offsite-backup']],
  ['a restore tested long ago', { 'data-storage.restore-tested': ['long-ago'] }, ['test-backup-restore']],
  // security (60·2 + 100·1.5 + 100·2 + 100)/6.5 = 87.7
  ['memorised passwords', { 'security.passwords': ['memorised-unique'] }, ['adopt-password-manager']],
  ['two-factor here and there', { 'security.two-factor': ['some'] }, ['enable-two-factor']],
  ['manual updates', { 'security.updates': ['manual'] }, ['automate-updates']],
  ['partly shared accounts', { 'security.shared-accounts': ['partly'] }, ['individual-accounts']],
  // security (0 + 0 + 0 + 0)/6.5 = 0 < 50 → cybersecurity-awareness through its theme branch
  [
    'no security at all',
    {
      'security.passwords': ['same-everywhere'],
      'security.two-factor': ['no'],
      'security.updates': ['no'],
      'security.shared-accounts': ['shared'],
    },
    [
      'adopt-password-manager',
      'enable-two-factor',
      'automate-updates',
      'individual-accounts',
      'cybersecurity-awareness',
    ],
  ],
  ['a generic email address', { 'email.custom-address': ['generic-provider'] }, ['custom-email-address']],
  ['several mailboxes', { 'email.several-mailboxes': ['yes'] }, ['unify-mailboxes']],
  ['email at a big tech provider', { 'email.hosting': ['big-tech'] }, ['sovereign-email-hosting']],
  ['videoconference on Zoom', { 'videoconference.tools': ['zoom'] }, ['sovereign-videoconference']],
  ['no videoconference', { 'videoconference.usage': ['never'] }, ['try-videoconference']],
  ['no website', { 'website.has-site': ['no'] }, ['create-website']],
  ['a website run by a provider', { 'website.role': ['provider'] }, ['take-over-website-publishing']],
  ['a proprietary website platform', { 'website.cms': ['proprietary-platform'] }, ['free-website-platform']],
  ['a partly compliant website', { 'website.compliance': ['partly'] }, ['website-compliance']],
  ['no online agenda', { 'agenda.online': ['no'] }, ['adopt-online-agenda']],
  ['an unshared agenda', { 'agenda.shared': ['no'] }, ['share-agendas']],
  ['three agendas or more', { 'agenda.count': ['three-or-more'] }, ['share-agendas']],
  ['no online directory', { 'contacts.online': ['no'] }, ['online-contacts-directory']],
  ['an unshared directory', { 'contacts.shared': ['no'] }, ['share-contacts-directory']],
  ['never co-editing', { 'collaboration.co-editing': ['never'] }, ['start-co-editing']],
  ['review by attachment', { 'collaboration.review-method': ['email-attachment'] }, ['start-co-editing']],
  ['review by printing', { 'collaboration.review-method': ['printing'] }, ['stop-printing-for-review']],
  [
    'files on one’s own computer',
    { 'collaboration.files-location': ['own-computer'] },
    ['shared-file-space'],
  ],
  ['consumer chat apps', { 'collaboration.instant-messaging': ['consumer-apps'] }, ['professional-chat']],
  [
    'vague collaborative practices',
    { 'collaboration.knows-practices': ['vaguely'] },
    ['collaborative-practices-training'],
  ],
  ['no DPO', { 'gdpr.dpo': ['no'] }, ['appoint-dpo']],
  ['a register in progress', { 'gdpr.register': ['in-progress'] }, ['gdpr-processing-register']],
  ['partial GDPR knowledge', { 'gdpr.knowledge': ['partly'] }, ['gdpr-training']],
  ['vague open data knowledge', { 'open-data.knowledge': ['vaguely'] }, ['discover-open-data']],
  ['no open data published', { 'open-data.publishes': ['no'] }, ['publish-open-data']],
  ['no open source knowledge', { 'open-source.knowledge': ['no'] }, ['discover-open-source']],
  ['no open source used', { 'open-source.usage': ['no'] }, ['adopt-open-source-basics']],
  ['Microsoft 365', { 'open-source.office-suite': ['microsoft-365'] }, ['open-office-suite']],
  // sobriety (20·1.5 + 100 + 100 + 100)/4.5 = 73.3
  [
    'short equipment lifespan',
    { 'sobriety.equipment-lifespan': ['less-than-4-years'] },
    ['extend-equipment-lifespan'],
  ],
  ['no refurbished equipment', { 'sobriety.refurbished': ['no'] }, ['buy-refurbished']],
  ['old equipment thrown away', { 'sobriety.end-of-life': ['trashed'] }, ['reuse-old-equipment']],
  // sobriety (150 + 100 + 100 + 0)/4.5 = 77.8 → only the "none" branch
  ['no sober practice', { 'sobriety.practices': ['none'] }, ['sobriety-practices']],
  // sobriety (0 + 0 + 0 + 0)/4.5 = 0 < 50
  [
    'no sobriety at all',
    {
      'sobriety.equipment-lifespan': ['dont-know'],
      'sobriety.refurbished': ['no'],
      'sobriety.end-of-life': ['dont-know'],
      'sobriety.practices': ['none'],
    },
    ['extend-equipment-lifespan', 'buy-refurbished', 'reuse-old-equipment', 'sobriety-practices'],
  ],
  // Every training wish (except "none") triggers its rule.
  ['a wish for open data training', { 'governance.training-wishes': ['open-data'] }, ['discover-open-data']],
  [
    'a wish for collaboration training',
    { 'governance.training-wishes': ['collaboration'] },
    ['collaborative-practices-training'],
  ],
  [
    'a wish for open source training',
    { 'governance.training-wishes': ['open-source'] },
    ['discover-open-source'],
  ],
  ['a wish for GDPR training', { 'governance.training-wishes': ['gdpr'] }, ['gdpr-training']],
  [
    'a wish for security training',
    { 'governance.training-wishes': ['security'] },
    ['cybersecurity-awareness'],
  ],
  ['a wish for sobriety training', { 'governance.training-wishes': ['sobriety'] }, ['sobriety-practices']],
  [
    'a wish for website training',
    { 'governance.training-wishes': ['website'] },
    ['take-over-website-publishing'],
  ],
  // Hidden answers never match: telework answers are hidden when nobody teleworks.
  [
    'personal telework computers, but no telework',
    { 'telework.frequency': ['never'], 'telework.computer': ['personal'] },
    [],
  ],
]

describe('recommendation rules', () => {
  it('fire nothing on the best answers', () => {
    expect(fired({})).toEqual([])
  })

  it.each(CASES)('on %s, fire exactly the expected rules', (_name, overrides, expected) => {
    expect(fired(overrides).sort()).toEqual([...expected].sort())
  })

  it('every rule fires on at least one test case', () => {
    const covered = new Set(CASES.flatMap(([, overrides]) => fired(overrides)))
    const never = rules.rules.map((r) => r.id).filter((id) => !covered.has(id))
    expect(never).toEqual([])
    expect(rules.rules.length).toBeGreaterThanOrEqual(25)
  })

  it('sorts measures by priority, then effort (low first), then file order', () => {
    const ids = fired({
      'governance.pilot': ['nobody'],
      'governance.external-provider': ['private-company'],
      'governance.digital-referent': ['no'],
      'governance.tool-inventory': ['no'],
      'data-storage.backup-frequency': ['rarely'],
      'data-storage.backup-offsite': ['no'],
      'gdpr.dpo': ['no'],
      'sobriety.end-of-life': ['trashed'],
    })
    // priority 1: automate-backups (medium), keep-offsite-backup (medium), appoint-dpo (low)
    // priority 2: appoint-digital-pilot (low); 3: build-it-inventory (low), join-mutualised-operator (medium); 5: reuse-old-equipment
    expect(ids).toEqual([
      'appoint-dpo',
      'automate-backups',
      'keep-offsite-backup',
      'appoint-digital-pilot',
      'build-it-inventory',
      'join-mutualised-operator',
      'reuse-old-equipment',
    ])
  })

  it.each<[string, Condition, boolean]>([
    ['a question answered with a listed option', { question: 'q', in: ['a', 'b'] }, true],
    ['a question answered otherwise', { question: 'q', in: ['c'] }, false],
    ['an unanswered (or hidden) question', { question: 'hidden', in: ['a'] }, false],
    ['a multiple answer including a listed option', { question: 'm', in: ['y'] }, true],
    ['a theme score below the value', { themeScoreBelow: { theme: 'email', value: 50 } }, true],
    ['a theme score at the value', { themeScoreBelow: { theme: 'email', value: 40 } }, false],
    ['a theme without score', { themeScoreBelow: { theme: 'telework', value: 50 } }, false],
    [
      'all of two true conditions',
      {
        all: [
          { question: 'q', in: ['a'] },
          { question: 'm', in: ['x'] },
        ],
      },
      true,
    ],
    [
      'all with one false condition',
      {
        all: [
          { question: 'q', in: ['a'] },
          { question: 'm', in: ['z'] },
        ],
      },
      false,
    ],
    [
      'any with one true condition',
      {
        any: [
          { question: 'q', in: ['z'] },
          { question: 'm', in: ['x'] },
        ],
      },
      true,
    ],
    [
      'nested any inside all',
      {
        all: [
          {
            any: [
              { question: 'q', in: ['z'] },
              { question: 'q', in: ['a'] },
            ],
          },
          { question: 'm', in: ['y'] },
        ],
      },
      true,
    ],
  ])('matching: %s → %s', (_name, condition, expected) => {
    const ctx = { answers: { q: ['a'], m: ['x', 'y'] }, themeScores: { email: 40, telework: null } }
    expect(matches(condition, ctx)).toBe(expected)
  })
})

describe('links of the recommendations', () => {
  const tools = JSON.parse(
    readFileSync(new URL('../../../catalogue/src/seed/tools.json', import.meta.url), 'utf8'),
  ) as Array<{ slug: string }>
  const resources = JSON.parse(
    readFileSync(new URL('../../../resources/src/seed/resources.json', import.meta.url), 'utf8'),
  ) as Array<{ themes: string[] }>
  const toolSlugs = new Set(tools.map((t) => t.slug))
  const resourceThemes = new Set(resources.flatMap((r) => r.themes))
  const all = (set: RuleSet) => set.rules.map((r) => ({ id: r.id, ...r.measure }))

  it('every linked tool slug exists in the catalogue seed', () => {
    const dangling = all(rules).flatMap((r) =>
      r.toolSlugs.filter((s) => !toolSlugs.has(s)).map((s) => `${r.id} → ${s}`),
    )
    expect(dangling).toEqual([])
  })

  it('every linked resource theme has resources in the resources seed', () => {
    const dangling = all(rules).flatMap((r) =>
      r.resourceThemes.filter((t) => !resourceThemes.has(t)).map((t) => `${r.id} → ${t}`),
    )
    expect(dangling).toEqual([])
  })

  it('every category, theme and national indicator named by a rule exists', () => {
    const indicators = new Set(referential.national.indicators.map((i) => i.id))
    for (const r of all(rules)) {
      for (const c of r.categories) expect(CATEGORY_IDS, r.id).toContain(c)
      for (const t of [...r.themes, ...r.resourceThemes]) expect(THEME_IDS, r.id).toContain(t)
      if (r.nationalIndicator) expect(indicators.has(r.nationalIndicator), r.id).toBe(true)
    }
  })
})
