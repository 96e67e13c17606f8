import { DEMO } from '@osinum/contracts'
import { sql } from 'kysely'
import { bumpVersion, type DbContext } from '../domain/db.js'
import { recordOfferChanged } from '../domain/operators.js'
import { loadTools, type ToolInput } from '../domain/tools.js'
import seedTools from './tools.json' with { type: 'json' }

/** The seed file's tools in the domain's shape. */
export function seedToolInputs(): ToolInput[] {
  return (seedTools as unknown as ToolInput[]).map((t) => ({
    ...t,
    hosting: t.hosting.map((h) => ({ mode: h.mode, dataLocation: h.dataLocation, note: h.note ?? null })),
    accessibility: {
      rgaaDeclaration: t.accessibility.rgaaDeclaration,
      declarationUrl: t.accessibility.declarationUrl ?? null,
      note: t.accessibility.note ?? null,
    },
    security: { ...t.security, note: t.security.note ?? null },
    sobriety: t.sobriety ?? null,
  }))
}

/** Ids of the demo data, fixed so that the seed is idempotent. */
const IDS = {
  criterion: '0193a000-0000-7000-8000-000000000c01',
  offers: [
    '0193a000-0000-7000-8000-000000000c11',
    '0193a000-0000-7000-8000-000000000c12',
    '0193a000-0000-7000-8000-000000000c13',
  ],
  usages: [
    '0193a000-0000-7000-8000-000000000c21',
    '0193a000-0000-7000-8000-000000000c22',
    '0193a000-0000-7000-8000-000000000c23',
    '0193a000-0000-7000-8000-000000000c24',
    '0193a000-0000-7000-8000-000000000c25',
  ],
  review: '0193a000-0000-7000-8000-000000000c31',
}

const DEMO_OFFERS: Array<{ slug: string; description: string; price: string }> = [
  {
    slug: 'nextcloud',
    description:
      'Espace de stockage, agendas et carnets d’adresses partagés hébergés par le syndicat dans ses serveurs en France, avec une formation de prise en main pour les agents et les élus.',
    price: 'Inclus dans l’adhésion (jusqu’à 10 comptes)',
  },
  {
    slug: 'jitsi-meet',
    description:
      'Salle de visioconférence de la commune sur l’instance du syndicat : un lien à partager, sans compte ni installation pour les participants.',
    price: 'Inclus dans l’adhésion',
  },
  {
    slug: 'limesurvey',
    description:
      'Questionnaires et consultations des habitants sur l’instance du syndicat, avec un accompagnement pour construire le premier questionnaire.',
    price: 'Sur devis selon le nombre de questionnaires',
  },
]

/**
 * Demo content of the embedded mode: the seed catalogue (published), the demo operator's
 * offers, a criterion of that operator, usage declarations by the demo communes and one
 * published review. Idempotent: every row has a fixed id or is skipped when present.
 */
export async function seedCatalogue(ctx: DbContext): Promise<void> {
  await loadTools(ctx, seedToolInputs(), { status: 'published', action: 'seeded' })
  const { db } = ctx
  const already = await db
    .selectFrom('operator_offers')
    .select('id')
    .where('id', '=', IDS.offers[0]!)
    .executeTakeFirst()
  if (already) return
  await db.transaction().execute(async (trx) => {
    const epoch = new Date(0)
    // Projection rows older than any real identity event: identity's own events overwrite them.
    await trx
      .insertInto('operators')
      .values({ id: DEMO.operator.id, name: DEMO.operator.name, departements: [], source_time: epoch })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('organisations')
      .values([
        {
          id: DEMO.communeA.id,
          kind: 'commune',
          name: 'Commune de démonstration A',
          population_bracket: null,
          departement: null,
          region: null,
          operator_id: DEMO.operator.id,
          source_time: epoch,
        },
        {
          id: DEMO.communeB.id,
          kind: 'commune',
          name: 'Commune de démonstration B',
          population_bracket: null,
          departement: null,
          region: null,
          operator_id: DEMO.operator.id,
          source_time: epoch,
        },
      ])
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    const tools = new Map(
      (await trx.selectFrom('tools').select(['id', 'slug']).execute()).map((t) => [t.slug, t.id] as const),
    )
    const toolId = (slug: string) => {
      const id = tools.get(slug)
      if (!id) throw new Error(`seed: tool ${slug} is missing from tools.json`)
      return id
    }
    await trx
      .insertInto('operator_offers')
      .values(
        DEMO_OFFERS.map((o, i) => ({
          id: IDS.offers[i]!,
          operator_id: DEMO.operator.id,
          tool_id: toolId(o.slug),
          description: o.description,
          url: null,
          price_indication: o.price,
          created_by: DEMO.editor.id,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'tool_id', 'description', 'url'])
      .execute()
      .then(async (inserted) => {
        const slugs = new Map([...tools].map(([slug, id]) => [id, slug] as const))
        for (const o of inserted)
          await recordOfferChanged(
            trx as never,
            {
              id: o.id,
              operator_id: DEMO.operator.id,
              slug: slugs.get(o.tool_id)!,
              description: o.description,
              url: o.url,
            },
            true,
          )
      })
    await trx
      .insertInto('criteria')
      .values({
        id: IDS.criterion,
        key: 'accompagnement-syndicat',
        label: 'Accompagnement par le syndicat',
        description: 'Ce que le syndicat de démonstration propose pour aider à démarrer avec l’outil.',
        kind: 'enum',
        options: JSON.stringify([
          { value: 'formation-incluse', label: 'Formation incluse' },
          { value: 'sur-devis', label: 'Accompagnement sur devis' },
        ]),
        unit: null,
        filterable: true,
        operator_id: DEMO.operator.id,
        created_by: DEMO.editor.id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    await trx
      .insertInto('tool_attribute_values')
      .values([
        {
          tool_id: toolId('nextcloud'),
          criterion_id: IDS.criterion,
          value: JSON.stringify('formation-incluse'),
          updated_by: null,
        },
        {
          tool_id: toolId('jitsi-meet'),
          criterion_id: IDS.criterion,
          value: JSON.stringify('formation-incluse'),
          updated_by: null,
        },
        {
          tool_id: toolId('limesurvey'),
          criterion_id: IDS.criterion,
          value: JSON.stringify('sur-devis'),
          updated_by: null,
        },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute()
    const usage = (
      i: number,
      slug: string,
      organisation: string,
      status: 'uses' | 'evaluating',
      consent: boolean,
      by: string,
      comment: string | null,
    ) => ({
      id: IDS.usages[i]!,
      tool_id: toolId(slug),
      organisation_id: organisation,
      status,
      contact_consent: consent,
      declared_by: by,
      comment,
    })
    await trx
      .insertInto('tool_usages')
      .values([
        usage(
          0,
          'nextcloud',
          DEMO.communeA.id,
          'uses',
          true,
          DEMO.communeA.agent.id,
          'Utilisé par le secrétariat et les adjoints pour partager les dossiers du conseil municipal.',
        ),
        usage(
          1,
          'jitsi-meet',
          DEMO.communeA.id,
          'uses',
          true,
          DEMO.communeA.elected.id,
          'Pour les réunions de commission à distance.',
        ),
        usage(2, 'limesurvey', DEMO.communeA.id, 'evaluating', false, DEMO.communeA.agent.id, null),
        usage(3, 'nextcloud', DEMO.communeB.id, 'uses', false, DEMO.communeB.elected.id, null),
        usage(
          4,
          'thunderbird',
          DEMO.communeB.id,
          'uses',
          true,
          DEMO.communeB.elected.id,
          'Sur les deux postes de la mairie.',
        ),
      ])
      .onConflict((oc) => oc.doNothing())
      .execute()
    await trx
      .insertInto('reviews')
      .values({
        id: IDS.review,
        tool_id: toolId('nextcloud'),
        organisation_id: DEMO.communeA.id,
        author_id: DEMO.communeA.elected.id,
        author_role: 'elected',
        rating: 4,
        text: 'Nous ne nous envoyons plus les pièces jointes par courriel : les documents du conseil sont au même endroit pour tout le monde. Quelques réglages de partage ont demandé l’aide du syndicat.',
        status: 'published',
        moderation_note: null,
        moderated_by: DEMO.editor.id,
        moderated_at: sql<Date>`now()`,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    await bumpVersion(trx)
  })
}
