import { CatalogueEvents, DiagnosticsEvents, IdentityEvents, ResourcesEvents } from '@osinum/contracts'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, CATEGORY_IDS, type Category } from './domain/categories.js'
import {
  addMember,
  addOrganisation,
  addUser,
  eventually,
  HOOK_TIMEOUT_MS,
  headerText,
  mailTo,
  person,
  startSmtp,
  startTestService,
  type TestService,
  type TestSmtp,
} from './testing.js'

/** Each consumed event reaches the right people, in French, through a real SMTP server. */
describe('notifications caused by other services’ events', () => {
  let smtp: TestSmtp
  let s: TestService
  const operatorA = uuidv7()
  const operatorB = uuidv7()
  const commune = { id: uuidv7(), name: 'Saint-Martin-de-Test', operatorId: operatorA }
  const other = { id: uuidv7(), name: 'Villeneuve-la-Démo', operatorId: operatorB }
  const maire = person('Marie Maire')
  const agent = person('Alex Agent')
  const voisin = person('Vera Voisine')
  const advisor = person('Claude Conseil', { roles: ['advisor'], operatorId: operatorA })
  const editorNational = person('Edith National', { roles: ['editor'] })
  const editorA = person('Eric A', { roles: ['editor'], operatorId: operatorA })
  const editorB = person('Emma B', { roles: ['editor'], operatorId: operatorB })

  beforeAll(async () => {
    smtp = await startSmtp()
    s = await startTestService({ smtp })
    await addOrganisation(s, commune)
    await addOrganisation(s, other)
    for (const p of [maire, agent, voisin, advisor, editorNational, editorA, editorB]) await addUser(s, p)
    await addMember(s, commune.id, maire.id, 'elected')
    await addMember(s, commune.id, agent.id, 'agent')
    await addMember(s, other.id, voisin.id, 'elected')
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await smtp?.close()
  }, HOOK_TIMEOUT_MS)

  const inbox = async (userId: string) => {
    const token = await s.keys.token({ sub: userId })
    const res = await s.host.app.inject({
      method: 'GET',
      url: '/v1/notifications',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode).toBe(200)
    return res.json() as {
      items: Array<{ id: string; kind: string; title: string; link: string | null; replyable: boolean }>
      total: number
    }
  }

  it('emails a claim to its claimant and to the syndicate that verifies it, and then the decision, in French', async () => {
    const claimant = person('Paul Prétendant')
    const coordinatrice = person('Corinne Coordinatrice', { roles: ['advisor'], operatorId: operatorA })
    for (const p of [claimant, coordinatrice]) await addUser(s, p)
    const claimId = uuidv7()
    const organisationId = uuidv7()
    await publishTestEvent(s.host, IdentityEvents.ClaimSubmitted, claimId, {
      claimId,
      organisationId,
      organisationName: 'Alleyrat',
      userId: claimant.id,
      role: 'elected',
      operatorId: operatorA,
      reviewerIds: [coordinatrice.id],
      competing: 1,
    })
    const [toClaimant] = await mailTo(smtp, claimant.email)
    expect(toClaimant!.parsed.subject).toBe('Votre demande de rattachement à Alleyrat est enregistrée')
    expect(toClaimant!.parsed.text).toContain('connectez-vous avec ProConnect')
    expect(toClaimant!.parsed.text).toContain(`https://osinum.example.fr/commune/demandes/${claimId}`)
    const [toReviewer] = await mailTo(smtp, coordinatrice.email)
    expect(toReviewer!.parsed.subject).toBe('Demande de rattachement à vérifier : Alleyrat')
    // The claimant is not named in the reviewers' inbox (the claim is one link away).
    expect(toReviewer!.parsed.text).toContain('Une personne demande à représenter Alleyrat')
    expect(toReviewer!.parsed.text).not.toContain('Prétendant')
    expect(toReviewer!.parsed.text).toContain('une autre demande est en attente')

    await publishTestEvent(s.host, IdentityEvents.ClaimDecided, claimId, {
      claimId,
      organisationId,
      organisationName: 'Alleyrat',
      userId: claimant.id,
      status: 'verified',
      method: 'operator',
      decidedBy: uuidv7(),
      reviewerIds: [coordinatrice.id],
    })
    const decided = await mailTo(smtp, claimant.email, 2)
    expect(decided[1]!.parsed.subject).toBe('Vous représentez désormais Alleyrat sur osinum')
    expect(decided[1]!.parsed.text).toContain('par votre syndicat numérique')
    const reviewed = await mailTo(smtp, coordinatrice.email, 2)
    expect(reviewed[1]!.parsed.subject).toBe('Demande de rattachement acceptée : Alleyrat')
  })

  it('emails the diagnostic results to every member (level, theme scores, priority measures, report link) and adds an in-app notification', async () => {
    const diagnosticId = uuidv7()
    const event = await publishTestEvent(s.host, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
      diagnosticId,
      organisationId: commune.id,
      submittedBy: maire.id,
      questionnaireVersion: 1,
      level: 'C' as never, // the contract's Level union (Type.Literal over a string[]) types as never
      overallScore: 54,
      themeScores: { security: 31, email: 72 },
      lensScores: { sovereignty: 40, security: 35, sobriety: 60 },
      weakThemes: ['security', 'data-storage'],
      topMeasures: [
        {
          ruleId: 'backup-3-2-1',
          title: 'Mettre en place une sauvegarde 3-2-1',
          priority: 1,
          lenses: ['security'],
        },
        {
          ruleId: 'pro-email',
          title: 'Utiliser une adresse de messagerie professionnelle',
          priority: 2,
          lenses: [],
        },
      ],
      reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
    })
    for (const p of [maire, agent]) {
      const [mail] = await mailTo(smtp, p.email)
      expect(mail!.parsed.subject).toBe('Diagnostic numérique de Saint-Martin-de-Test : niveau C')
      const text = mail!.parsed.text ?? ''
      expect(text).toContain(`Bonjour ${p.name},`)
      expect(text).toContain('Niveau global : C')
      expect(text).toContain('Cybersécurité : 31 / 100')
      expect(text).toContain('Messagerie : 72 / 100')
      expect(text).toContain('- Mettre en place une sauvegarde 3-2-1 (Sécurité)')
      expect(text).toContain('- Utiliser une adresse de messagerie professionnelle')
      expect(text).toContain(`https://osinum.example.fr/diagnostic/${diagnosticId}/resultats`)
      expect(mail!.parsed.html).toContain(
        `href="https://osinum.example.fr/diagnostic/${diagnosticId}/resultats"`,
      )
      // Links of the footer open web pages; the one-click header targets the API (mail clients POST there).
      expect(text).toContain('https://osinum.example.fr/preferences')
      expect(text).toMatch(/https:\/\/osinum\.example\.fr\/desinscription\?token=u1\./)
      expect(text).not.toContain('/v1/')
      expect(headerText(mail!, 'List-Unsubscribe')).toMatch(
        /^<https:\/\/osinum\.example\.fr\/v1\/unsubscribe\?token=u1\./,
      )
      const box = await inbox(p.id)
      expect(box.items.find((n) => n.kind === 'diagnostic-submitted')?.link).toBe(
        `https://osinum.example.fr/diagnostic/${diagnosticId}/resultats`,
      )
    }
    expect(smtp.to(voisin.email)).toHaveLength(0)
    expect(smtp.to(advisor.email)).toHaveLength(0)
    // The weak themes now drive the members' digest.
    const org = await s.db
      .selectFrom('organisations')
      .select('weak_themes')
      .where('organisation_id', '=', commune.id)
      .executeTakeFirstOrThrow()
    expect(org.weak_themes).toEqual(['security', 'data-storage'])
    const deliveries = await s.db
      .selectFrom('deliveries')
      .select(['channel', 'recipient'])
      .where('cause_event_id', '=', event.id)
      .execute()
    expect(deliveries).toHaveLength(4)
  })

  it('waits for the projection: a diagnostic of a collectivité not known yet is retried until it is', async () => {
    const late = { id: uuidv7(), name: 'Commune-Tardive', operatorId: operatorA }
    const tardif = person('Théo Tardif')
    const diagnosticId = uuidv7()
    await publishTestEvent(s.host, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
      diagnosticId,
      organisationId: late.id,
      submittedBy: tardif.id,
      questionnaireVersion: 1,
      level: 'B' as never,
      overallScore: 70,
      themeScores: {},
      lensScores: {},
      weakThemes: [],
      topMeasures: [],
      reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
    })
    await addOrganisation(s, late)
    await addUser(s, tardif)
    await addMember(s, late.id, tardif.id)
    const [mail] = await mailTo(smtp, tardif.email)
    expect(mail!.parsed.subject).toContain('Commune-Tardive')
  })

  it('sends no invitation to the waiting list; the promotion sends the real one in Europe/Paris time and a cancellation replaces it', async () => {
    const registrationId = uuidv7()
    const base = {
      registrationId,
      sessionId: uuidv7(),
      trainingSlug: 'decouvrir-les-logiciels-libres',
      trainingTitle: 'Découvrir les logiciels libres',
      userId: agent.id,
      startsAt: '2026-12-03T08:30:00.000Z',
      endsAt: '2026-12-03T11:30:00.000Z',
    }
    await publishTestEvent(s.host, ResourcesEvents.RegistrationCreated, registrationId, {
      ...base,
      status: 'waiting',
    })
    await publishTestEvent(s.host, ResourcesEvents.RegistrationPromoted, registrationId, {
      ...base,
      status: 'registered',
    })
    await publishTestEvent(s.host, ResourcesEvents.RegistrationCancelled, registrationId, {
      ...base,
      status: 'cancelled',
    })
    // Three event types, three consumers: the mails may arrive in any order; the SEQUENCE orders them.
    const order = ['Liste d’attente', 'Une place s’est libérée', 'Inscription annulée']
    const mails = (await mailTo(smtp, agent.email, 4))
      .filter((m) => m.parsed.subject?.includes('logiciels libres'))
      .sort(
        (a, b) =>
          order.findIndex((o) => a.parsed.subject!.startsWith(o)) -
          order.findIndex((o) => b.parsed.subject!.startsWith(o)),
      )
    expect(mails.map((m) => m.parsed.subject)).toEqual([
      'Liste d’attente : Découvrir les logiciels libres',
      'Une place s’est libérée : Découvrir les logiciels libres',
      'Inscription annulée : Découvrir les logiciels libres',
    ])
    // A seat is not promised to the waiting list: no accepted (nor tentative) invitation.
    expect(mails[0]!.parsed.attachments.filter((x) => x.contentType === 'text/calendar')).toEqual([])
    const ics = mails.slice(1).map((m) => {
      const a = m.parsed.attachments.find((x) => x.contentType === 'text/calendar')
      expect(a).toBeDefined()
      return a!.content.toString('utf8')
    })
    for (const cal of ics) {
      expect(cal).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris')
      // 08:30 UTC in December is 09:30 in Paris.
      expect(cal).toContain('DTSTART;TZID=Europe/Paris:20261203T093000')
      expect(cal).toContain('DTEND;TZID=Europe/Paris:20261203T123000')
      expect(cal).toContain(`UID:${registrationId}@osinum`)
      expect(cal).toContain('SUMMARY;LANGUAGE=fr:Découvrir les logiciels libres')
    }
    expect(ics[0]).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:1[\s\S]*STATUS:CONFIRMED/)
    expect(ics[1]).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:2[\s\S]*STATUS:CANCELLED/)
  })

  it('never lets HTML through a name or a title: every interpolated value is escaped', async () => {
    const evil = person('Evil', { name: '<img src=x onerror=alert(1)>' })
    await addUser(s, evil)
    const registrationId = uuidv7()
    await publishTestEvent(s.host, ResourcesEvents.RegistrationCreated, registrationId, {
      registrationId,
      sessionId: uuidv7(),
      trainingSlug: 'x',
      trainingTitle: '<script>alert("pwned")</script> & "Formation"',
      userId: evil.id,
      startsAt: '2026-07-01T07:00:00.000Z',
      endsAt: '2026-07-01T09:00:00.000Z',
      status: 'registered',
    })
    const [mail] = await mailTo(smtp, evil.email)
    const html = mail!.parsed.html as string
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;Formation&quot;',
    )
    expect(html).toContain('Bonjour &lt;img src=x onerror=alert(1)&gt;,')
    // Text parts and the .ics carry the words, not markup that could run.
    expect(mail!.parsed.text).toContain('<script>alert("pwned")</script>')
    const ics = mail!.parsed.attachments[0]!.content.toString('utf8')
    // Summer: 07:00 UTC is 09:00 in Paris.
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20260701T090000')
    expect(ics).toContain('SUMMARY;LANGUAGE=fr:<script>alert("pwned")</script> & "Formation"')
    expect(ics).toContain('ATTENDEE;CN="<img src=x onerror=alert(1)>"')
  })

  it('notifies advisors and members of a support request; an advisor’s message goes to the members, not to its author', async () => {
    const requestId = uuidv7()
    const data = {
      requestId,
      organisationId: commune.id,
      operatorId: operatorA,
      topic: 'Migrer notre messagerie',
      advisorIds: [],
      status: 'open',
    }
    await publishTestEvent(s.host, DiagnosticsEvents.SupportRequested, requestId, data)
    const [toAdvisor] = await mailTo(smtp, advisor.email)
    expect(toAdvisor!.parsed.subject).toBe('Nouvelle demande d’accompagnement de Saint-Martin-de-Test')
    expect(toAdvisor!.parsed.text).toContain(`https://osinum.example.fr/aide/demandes/${requestId}`)
    const [toMember] = (await mailTo(smtp, maire.email, 2)).filter((m) =>
      m.parsed.subject?.includes('demande d’accompagnement'),
    )
    expect(toMember!.parsed.subject).toBe('Votre demande d’accompagnement est enregistrée')

    const before = smtp.to(advisor.email).length
    await publishTestEvent(s.host, DiagnosticsEvents.SupportMessagePosted, requestId, {
      requestId,
      organisationId: commune.id,
      authorId: advisor.id,
      advisorIds: [advisor.id],
      fromAdvisor: true,
    })
    const fromAdvisor = await eventually(() =>
      smtp.to(agent.email).find((m) => m.parsed.subject === 'Nouveau message de votre conseiller'),
    )
    expect(fromAdvisor.parsed.text).toContain('Votre conseiller a répondu')
    await eventually(() =>
      smtp.to(maire.email).some((m) => m.parsed.subject === 'Nouveau message de votre conseiller'),
    )
    expect(smtp.to(advisor.email)).toHaveLength(before)
  })

  it('sends reminders to their recipients', async () => {
    const itemId = uuidv7()
    await publishTestEvent(s.host, DiagnosticsEvents.ReminderDue, itemId, {
      kind: 'overdue-action-item',
      subjectId: itemId,
      organisationId: commune.id,
      title: 'Activer la double authentification',
      recipientIds: [maire.id, advisor.id],
      dueOn: '2026-11-20',
    })
    for (const p of [maire, advisor]) {
      const mail = await eventually(() =>
        smtp
          .to(p.email)
          .find((m) => m.parsed.subject === 'Rappel : action en retard — Activer la double authentification'),
      )
      expect(mail.parsed.text).toContain('20 novembre 2026')
      expect(mail.parsed.text).toContain(`https://osinum.example.fr/aide/actions/${itemId}`)
    }
  })

  it('sends reports to every editor, and reviews to national editors and those of the reviewer’s operator', async () => {
    const reportId = uuidv7()
    await publishTestEvent(s.host, ResourcesEvents.ContentReported, reportId, {
      reportId,
      contentType: 'comment',
      contentId: uuidv7(),
      reason: 'Propos injurieux',
      title: 'Retour sur la visio',
    })
    for (const e of [editorNational, editorA, editorB])
      await eventually(() =>
        smtp.to(e.email).find((m) => m.parsed.subject === 'Signalement à examiner : Retour sur la visio'),
      )
    expect(smtp.to(maire.email).some((m) => m.parsed.subject?.startsWith('Signalement'))).toBe(false)

    const reviewId = uuidv7()
    const review = await publishTestEvent(s.host, CatalogueEvents.ReviewSubmitted, reviewId, {
      reviewId,
      toolId: uuidv7(),
      toolSlug: 'nextcloud',
      toolName: 'Nextcloud',
      organisationId: commune.id,
    })
    for (const e of [editorNational, editorA])
      await eventually(() => smtp.to(e.email).find((m) => m.parsed.subject === 'Avis à modérer : Nextcloud'))
    const recipients = await s.db
      .selectFrom('deliveries')
      .select('recipient')
      .where('cause_event_id', '=', review.id)
      .where('channel', '=', 'email')
      .execute()
    expect(recipients.map((r) => r.recipient).sort()).toEqual([editorA.email, editorNational.email].sort())
  })

  it('relays a contact request to the members who accept it, without exposing any address; the answer is relayed back the same way', async () => {
    const sender = person('Sam Sender')
    await addUser(s, sender)
    await addMember(s, other.id, sender.id)
    // The agent does not accept to be contacted.
    const agentToken = await s.keys.token({ sub: agent.id })
    const off = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: { authorization: `Bearer ${agentToken}` },
      payload: { categories: { community: { email: false, inApp: false } } },
    })
    expect(off.statusCode).toBe(200)
    const contactId = uuidv7()
    const event = await publishTestEvent(s.host, CatalogueEvents.ContactRequested, contactId, {
      contactId,
      toolSlug: 'nextcloud',
      toolName: 'Nextcloud',
      fromOrganisationId: other.id,
      fromOrganisationName: other.name,
      fromUserId: sender.id,
      toOrganisationId: commune.id,
      message: 'Bonjour, comment avez-vous migré vos fichiers ?',
    })
    const mail = await eventually(() =>
      smtp.to(maire.email).find((m) => m.parsed.subject?.includes('souhaite échanger')),
    )
    expect(mail.parsed.subject).toBe('Villeneuve-la-Démo souhaite échanger avec vous à propos de Nextcloud')
    expect(mail.parsed.text).toContain('comment avez-vous migré vos fichiers ?')
    expect(mail.raw).not.toContain(sender.email)
    expect(mail.parsed.replyTo).toBeUndefined()
    const recipients = await s.db
      .selectFrom('deliveries')
      .select('recipient')
      .where('cause_event_id', '=', event.id)
      .execute()
    expect(recipients.map((r) => r.recipient)).not.toContain(agent.email)
    expect(recipients.map((r) => r.recipient)).not.toContain(agent.id)
    expect(smtp.to(sender.email)).toHaveLength(0)

    // The maire answers through the platform.
    const box = await inbox(maire.id)
    const relayed = box.items.find((n) => n.kind === 'contact-message')!
    expect(relayed.replyable).toBe(true)
    const maireToken = await s.keys.token({ sub: maire.id, orgs: [{ id: commune.id, role: 'elected' }] })
    const answer = await s.host.app.inject({
      method: 'POST',
      url: `/v1/notifications/${relayed.id}/reply`,
      headers: { authorization: `Bearer ${maireToken}` },
      payload: { message: 'Avec un script rclone, je vous explique volontiers.' },
    })
    expect(answer.statusCode).toBe(202)
    const back = await mailTo(smtp, sender.email)
    expect(back[0]!.parsed.subject).toBe('Réponse de Saint-Martin-de-Test à propos de Nextcloud')
    expect(back[0]!.parsed.text).toContain('Avec un script rclone')
    expect(back[0]!.raw).not.toContain(maire.email)

    // Someone else cannot answer the maire's message (not theirs: 404); a plain notification is not replyable.
    const voisinToken = await s.keys.token({ sub: voisin.id })
    const stranger = await s.host.app.inject({
      method: 'POST',
      url: `/v1/notifications/${relayed.id}/reply`,
      headers: { authorization: `Bearer ${voisinToken}` },
      payload: { message: 'Je ne devrais pas pouvoir' },
    })
    expect(stranger.statusCode).toBe(404)
    const plain = (await inbox(maire.id)).items.find((n) => n.kind === 'diagnostic-submitted')!
    const notReplyable = await s.host.app.inject({
      method: 'POST',
      url: `/v1/notifications/${plain.id}/reply`,
      headers: { authorization: `Bearer ${maireToken}` },
      payload: { message: 'Non' },
    })
    expect(notReplyable.statusCode).toBe(409)
    expect(notReplyable.json().code).toBe('OSI_NOTIFICATIONS_NOT_REPLYABLE')
  })
  it('tells the author of a hidden post which rule it breaks and how to contest', async () => {
    const postId = uuidv7()
    await publishTestEvent(s.host, ResourcesEvents.ContentHidden, postId, {
      contentType: 'experience',
      contentId: postId,
      title: 'Notre passage à une messagerie souveraine',
      authorId: voisin.id,
      rule: 'spam',
      ruleLabel: 'Spam ou publicité',
      note: 'Le message fait la promotion d’une offre commerciale.',
    })
    const [mail] = await mailTo(smtp, voisin.email)
    expect(mail!.parsed.subject).toBe(
      'Votre retour d’expérience a été masqué : Notre passage à une messagerie souveraine',
    )
    const text = mail!.parsed.text ?? ''
    expect(text).toContain('Règle en cause : Spam ou publicité')
    expect(text).toContain('Le message fait la promotion d’une offre commerciale.')
    expect(text).toContain('vous pouvez contester cette décision')
    expect(text).toContain('https://osinum.example.fr/communaute')
    expect((await inbox(voisin.id)).items.map((n) => n.kind)).toContain('content-hidden')
  })

  it('puts a one-click List-Unsubscribe on every email of a category a person can turn off', async () => {
    const seen = new Set<string>()
    for (const mail of smtp.received) {
      const category = headerText(mail, 'X-Osinum-Category')
      if (!category || CATEGORIES[category as Category].locked) continue
      seen.add(category)
      expect(headerText(mail, 'List-Unsubscribe'), `${category}: ${mail.parsed.subject}`).toMatch(
        /^<https:\/\/osinum\.example\.fr\/v1\/unsubscribe\?token=[^>]+>$/,
      )
      expect(headerText(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    }
    // The earlier tests of this file sent mail of every category that can be turned off
    // (the digest has its own test of the header, in digests.test.ts).
    expect([...seen].sort()).toEqual(
      CATEGORY_IDS.filter((c) => !CATEGORIES[c].locked && c !== 'digest').sort(),
    )
  })
})
