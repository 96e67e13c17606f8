import { CategorySchema, DateTime, PopulationBracketSchema, Slug, ThemeSchema, Uuid } from '@osinum/contracts'
import { type Static, type TSchema, type TUnsafe, Type } from 'typebox'
import { IMPORT_FORMATS } from './domain/import-parse.js'
import { LICENCE_PATTERN } from './domain/licences.js'
import {
  COST_MODEL_IDS,
  DATA_LOCATION_IDS,
  HOSTING_MODE_IDS,
  PROVIDER_KIND_IDS,
  RGAA_DECLARATION_IDS,
  SKILL_LEVEL_IDS,
} from './domain/vocabulary.js'

/** API schemas of the catalogue (request bodies, query strings and responses). */

const literals = <const T extends readonly string[]>(ids: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      ids.map((id) => Type.Literal(id)),
      options,
    ),
  )
/**
 * `T | null`. Scalars use `type: [T, 'null']` rather than `anyOf`: the kit's Ajv coerces types,
 * and inside an `anyOf` it would turn a `null` into `false` or `""` before trying the null branch.
 */
const Nullable = <T extends TSchema>(schema: T): TUnsafe<Static<T> | null> => {
  const type = (schema as { type?: unknown }).type
  if (typeof type === 'string' && type !== 'object' && type !== 'array')
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] }) as never
  return Type.Union([schema, Type.Null()]) as never
}
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max })
/** An http(s) URL: no javascript:, data: or other scheme. */
export const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })

export const HostingModeSchema = literals(HOSTING_MODE_IDS)
export const DataLocationSchema = literals(DATA_LOCATION_IDS)
export const CostModelSchema = literals(COST_MODEL_IDS)
export const SkillLevelSchema = literals(SKILL_LEVEL_IDS)
export const RgaaSchema = literals(RGAA_DECLARATION_IDS)
export const ToolStatusSchema = literals(['draft', 'published', 'archived'])
export const UsageStatusSchema = literals(['uses', 'evaluating', 'abandoned'])
export const ReviewStatusSchema = literals(['pending', 'published', 'rejected'])
export const CriterionKindSchema = literals(['boolean', 'enum', 'number', 'text'])
export const ProviderKindSchema = literals(PROVIDER_KIND_IDS)
export const SortSchema = literals(['relevance', 'users', 'name', 'updated'], { default: 'relevance' })

export const HostingOptionSchema = Type.Object(
  {
    mode: HostingModeSchema,
    dataLocation: DataLocationSchema,
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
)
export const AccessibilitySchema = Type.Object(
  {
    rgaaDeclaration: RgaaSchema,
    declarationUrl: Type.Optional(Nullable(Url)),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
)
export const SecuritySchema = Type.Object(
  {
    twoFactor: Nullable(Type.Boolean()),
    endToEndEncryption: Nullable(Type.Boolean()),
    secNumCloud: Type.Boolean({ description: 'SecNumCloud qualification (ANSSI) of the offer' }),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
)
export const ExternalIdsSchema = Type.Object(
  {
    wikidata: Type.Optional(Nullable(Type.String({ pattern: '^Q[0-9]{1,12}$' }))),
    sill: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,9}$' }))),
    comptoirDuLibre: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,9}$' }))),
    framalibre: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9-]{1,120}$' }))),
  },
  { additionalProperties: false },
)

const toolInputFields = {
  name: Text(120, 1),
  summary: Text(300, 1),
  description: Type.Optional(
    Type.String({ maxLength: 20_000, description: 'Markdown; rendered to sanitised HTML' }),
  ),
  website: Type.Optional(Nullable(Url)),
  repository: Type.Optional(Nullable(Url)),
  logoUrl: Type.Optional(Nullable(Url)),
  licence: Type.String({ pattern: LICENCE_PATTERN, maxLength: 120, description: 'SPDX id or expression' }),
  categories: Type.Array(CategorySchema, { minItems: 1, maxItems: 8, uniqueItems: true }),
  themes: Type.Optional(Type.Array(ThemeSchema, { maxItems: 8, uniqueItems: true })),
  hosting: Type.Optional(Type.Array(HostingOptionSchema, { maxItems: 10 })),
  standards: Type.Optional(Type.Array(Text(40, 1), { maxItems: 30, uniqueItems: true })),
  accessibility: Type.Optional(AccessibilitySchema),
  security: Type.Optional(SecuritySchema),
  sobriety: Type.Optional(Nullable(Text(1000))),
  costModel: CostModelSchema,
  skillLevel: SkillLevelSchema,
  alternativeTo: Type.Optional(Type.Array(Text(80, 1), { maxItems: 30, uniqueItems: true })),
  externalIds: Type.Optional(ExternalIdsSchema),
}

export const ToolCreateBody = Type.Object(
  {
    slug: Type.Optional(Slug),
    ...toolInputFields,
    status: Type.Optional(literals(['draft', 'published'], { default: 'draft' })),
  },
  { additionalProperties: false },
)
export type ToolCreateBody = Static<typeof ToolCreateBody>

export const ToolUpdateBody = Type.Object(
  {
    name: Type.Optional(toolInputFields.name),
    summary: Type.Optional(toolInputFields.summary),
    description: toolInputFields.description,
    website: toolInputFields.website,
    repository: toolInputFields.repository,
    logoUrl: toolInputFields.logoUrl,
    licence: Type.Optional(toolInputFields.licence),
    categories: Type.Optional(toolInputFields.categories),
    themes: toolInputFields.themes,
    hosting: toolInputFields.hosting,
    standards: toolInputFields.standards,
    accessibility: toolInputFields.accessibility,
    security: toolInputFields.security,
    sobriety: toolInputFields.sobriety,
    costModel: Type.Optional(toolInputFields.costModel),
    skillLevel: Type.Optional(toolInputFields.skillLevel),
    alternativeTo: toolInputFields.alternativeTo,
    externalIds: toolInputFields.externalIds,
    status: Type.Optional(ToolStatusSchema),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type ToolUpdateBody = Static<typeof ToolUpdateBody>

export const OperatorOfferSummary = Type.Object({
  id: Uuid,
  operatorId: Uuid,
  operatorName: Nullable(Type.String()),
  description: Nullable(Type.String()),
  url: Nullable(Type.String()),
  priceIndication: Nullable(Type.String()),
})

export const Rating = Type.Object({
  average: Nullable(Type.Number({ description: 'Average of published reviews, 1 decimal' })),
  count: Type.Integer({ minimum: 0 }),
})

export const ToolSummary = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  logoUrl: Nullable(Type.String()),
  licence: Type.String(),
  isFree: Type.Boolean(),
  categories: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  hostingModes: Type.Array(Type.String()),
  dataLocations: Type.Array(Type.String()),
  costModel: Type.String(),
  skillLevel: Type.String(),
  rgaaDeclaration: Type.String(),
  status: ToolStatusSchema,
  usersCount: Type.Integer({ minimum: 0, description: 'Collectivités declaring they use it' }),
  rating: Rating,
  updatedAt: DateTime,
  offeredByMyOperator: Type.Boolean({ description: '“Proposé par votre syndicat”' }),
  operatorOffer: Nullable(OperatorOfferSummary),
})
export type ToolSummary = Static<typeof ToolSummary>

export const AttributeValue = Type.Union([Type.Boolean(), Type.Number(), Type.String()])
export const ToolAttribute = Type.Object({
  key: Type.String(),
  label: Type.String(),
  kind: CriterionKindSchema,
  unit: Nullable(Type.String()),
  operatorId: Nullable(Uuid),
  value: AttributeValue,
  valueLabel: Type.String({ description: 'French display of the value' }),
})

export const ProviderOfferOnTool = Type.Object({
  id: Uuid,
  provider: Type.Object({
    slug: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    website: Nullable(Type.String()),
  }),
  regions: Type.Array(Type.String()),
  priceIndication: Nullable(Type.String()),
  url: Nullable(Type.String()),
  description: Nullable(Type.String()),
})

export const ToolLink = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  isFree: Type.Boolean(),
  usersCount: Type.Integer(),
})

export const ToolCriterion = Type.Object({
  key: Type.String(),
  label: Type.String({ description: 'French name of the criterion (« Modèle de coût »)' }),
  group: Type.String({ description: 'French heading it belongs to (« Sécurité »)' }),
  display: Type.String({ description: 'French display of the value (« Gratuit »)' }),
})
export type ToolCriterion = Static<typeof ToolCriterion>

export const ToolCompleteness = Type.Object(
  {
    documented: Type.Integer({ description: 'Facts of the sheet that are documented' }),
    total: Type.Integer({ description: 'Facts an editor documents for every tool' }),
    missing: Type.Array(Type.Object({ key: Type.String(), label: Type.String() }), {
      description: 'The facts not documented yet (key of `criteria`, French label)',
    }),
  },
  { description: 'How complete the sheet is: the editor’s to-do list' },
)
export type ToolCompleteness = Static<typeof ToolCompleteness>

export const ToolDetail = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  description: Type.Object({ markdown: Type.String(), html: Type.String() }),
  website: Nullable(Type.String()),
  repository: Nullable(Type.String()),
  logoUrl: Nullable(Type.String()),
  licence: Type.String(),
  isFree: Type.Boolean(),
  categories: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  hosting: Type.Array(
    Type.Object({ mode: Type.String(), dataLocation: Type.String(), note: Nullable(Type.String()) }),
  ),
  standards: Type.Array(Type.String()),
  accessibility: Type.Object({
    rgaaDeclaration: Type.String(),
    declarationUrl: Nullable(Type.String()),
    note: Nullable(Type.String()),
  }),
  security: Type.Object({
    twoFactor: Nullable(Type.Boolean()),
    endToEndEncryption: Nullable(Type.Boolean()),
    secNumCloud: Type.Boolean(),
    note: Nullable(Type.String()),
  }),
  sobriety: Nullable(Type.String()),
  costModel: Type.String(),
  skillLevel: Type.String(),
  alternativeTo: Type.Array(Type.String()),
  externalIds: Type.Object({
    wikidata: Nullable(Type.String()),
    sill: Nullable(Type.String()),
    comptoirDuLibre: Nullable(Type.String()),
    framalibre: Nullable(Type.String()),
  }),
  status: ToolStatusSchema,
  revision: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  publishedAt: Nullable(DateTime),
  usersCount: Type.Integer(),
  rating: Rating,
  attributes: Type.Array(ToolAttribute),
  providerOffers: Type.Array(ProviderOfferOnTool),
  offeredByMyOperator: Type.Boolean(),
  operatorOffer: Nullable(OperatorOfferSummary),
  similar: Type.Array(ToolLink, { description: 'Published tools sharing its categories' }),
  alternatives: Type.Array(ToolLink, {
    description: 'Published tools replacing the same products, or free tools replacing this one',
  }),
  criteria: Type.Array(ToolCriterion, {
    description: 'Every criterion in plain French, in the order of the comparison table (custom ones last)',
  }),
  completeness: ToolCompleteness,
})
export type ToolDetail = Static<typeof ToolDetail>

export const FacetValue = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() })
export const AttributeFacet = Type.Object({
  key: Type.String(),
  label: Type.String(),
  kind: CriterionKindSchema,
  values: Type.Array(FacetValue),
  min: Type.Optional(Nullable(Type.Number())),
  max: Type.Optional(Nullable(Type.Number())),
})
export const Facets = Type.Object({
  category: Type.Array(FacetValue),
  theme: Type.Array(FacetValue),
  freeLicence: Type.Array(FacetValue),
  dataLocation: Type.Array(FacetValue),
  hostingMode: Type.Array(FacetValue),
  costModel: Type.Array(FacetValue),
  skillLevel: Type.Array(FacetValue),
  accessibility: Type.Array(FacetValue),
  offeredByMyOperator: Type.Array(FacetValue, {
    description: 'Empty unless the caller belongs to an operator’s collectivité',
  }),
  attributes: Type.Array(AttributeFacet),
})
export type Facets = Static<typeof Facets>

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'French full-text query' })),
    category: Type.Optional(Type.Array(CategorySchema, { maxItems: 22 })),
    theme: Type.Optional(Type.Array(ThemeSchema, { maxItems: 16 })),
    freeLicence: Type.Optional(Type.Boolean()),
    dataLocation: Type.Optional(Type.Array(DataLocationSchema, { maxItems: 4 })),
    hostingMode: Type.Optional(Type.Array(HostingModeSchema, { maxItems: 3 })),
    costModel: Type.Optional(Type.Array(CostModelSchema, { maxItems: 6 })),
    skillLevel: Type.Optional(Type.Array(SkillLevelSchema, { maxItems: 3 })),
    accessibility: Type.Optional(Type.Array(RgaaSchema, { maxItems: 4 })),
    offeredByMyOperator: Type.Optional(Type.Boolean()),
    attribute: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,60}:.{1,200}$' }), {
        maxItems: 20,
        description: 'Custom criterion filter `key:value`; numbers as `key:min..max` (either bound optional)',
      }),
    ),
    status: Type.Optional(
      literals(['published', 'draft', 'archived', 'any'], { description: 'Editors only; default published' }),
    ),
    sort: Type.Optional(SortSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type SearchQuery = Static<typeof SearchQuery>

export const SearchResult = Type.Object({
  items: Type.Array(ToolSummary),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
  facets: Facets,
  suggestions: Type.Optional(
    Type.Array(Type.String(), { description: 'When a text query finds nothing: close words to try instead' }),
  ),
})
export type SearchResult = Static<typeof SearchResult>

export const CompareResult = Type.Object({
  tools: Type.Array(ToolDetail),
  rows: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      group: Type.String(),
      values: Type.Array(Type.Object({ slug: Type.String(), value: Type.Unknown(), display: Type.String() })),
    }),
  ),
})

export const Revision = Type.Object({
  revision: Type.Integer(),
  action: Type.String(),
  changedBy: Nullable(Uuid),
  changedAt: DateTime,
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
})

export const Criterion = Type.Object({
  id: Uuid,
  key: Type.String(),
  label: Type.String(),
  description: Nullable(Type.String()),
  kind: CriterionKindSchema,
  options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  unit: Nullable(Type.String()),
  filterable: Type.Boolean(),
  operatorId: Nullable(Uuid),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type Criterion = Static<typeof Criterion>
const CriterionOption = Type.Object(
  {
    value: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }),
    label: Text(120, 1),
  },
  { additionalProperties: false },
)
export const CriterionCreateBody = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
    label: Text(120, 1),
    description: Type.Optional(Nullable(Text(1000))),
    kind: CriterionKindSchema,
    options: Type.Optional(Type.Array(CriterionOption, { maxItems: 50 })),
    unit: Type.Optional(Nullable(Text(20, 1))),
    filterable: Type.Optional(Type.Boolean({ default: false })),
    operatorId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
)
export type CriterionCreateBody = Static<typeof CriterionCreateBody>
export const CriterionUpdateBody = Type.Object(
  {
    label: Type.Optional(Text(120, 1)),
    description: Type.Optional(Nullable(Text(1000))),
    options: Type.Optional(Type.Array(CriterionOption, { maxItems: 50 })),
    unit: Type.Optional(Nullable(Text(20, 1))),
    filterable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type CriterionUpdateBody = Static<typeof CriterionUpdateBody>
/** The value is checked against the criterion's kind by the service (not here: the union would be coerced). */
export const AttributeValueBody = Type.Object(
  { value: Type.Unknown({ description: 'boolean, number, enum option value or text (≤ 500 characters)' }) },
  { additionalProperties: false, required: ['value'] },
)

export const ProviderOffer = Type.Object({
  id: Uuid,
  toolSlug: Type.String(),
  toolName: Type.String(),
  regions: Type.Array(Type.String()),
  priceIndication: Nullable(Type.String()),
  url: Nullable(Type.String()),
  description: Nullable(Type.String()),
})
export const Provider = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  kind: ProviderKindSchema,
  website: Nullable(Type.String()),
  description: Nullable(Type.String()),
  siren: Nullable(Type.String()),
  regions: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  offers: Type.Array(ProviderOffer),
})
export type Provider = Static<typeof Provider>
const Regions = Type.Array(Text(80, 1), { maxItems: 20, uniqueItems: true })
export const ProviderCreateBody = Type.Object(
  {
    slug: Type.Optional(Slug),
    name: Text(160, 1),
    kind: ProviderKindSchema,
    website: Type.Optional(Nullable(Url)),
    description: Type.Optional(Nullable(Text(2000))),
    siren: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{9}$' }))),
    regions: Type.Optional(Regions),
  },
  { additionalProperties: false },
)
export type ProviderCreateBody = Static<typeof ProviderCreateBody>
export const ProviderUpdateBody = Type.Object(
  {
    name: Type.Optional(Text(160, 1)),
    kind: Type.Optional(ProviderKindSchema),
    website: Type.Optional(Nullable(Url)),
    description: Type.Optional(Nullable(Text(2000))),
    siren: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{9}$' }))),
    regions: Type.Optional(Regions),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type ProviderUpdateBody = Static<typeof ProviderUpdateBody>
export const ProviderOfferBody = Type.Object(
  {
    toolSlug: Slug,
    regions: Type.Optional(Regions),
    priceIndication: Type.Optional(Nullable(Text(200))),
    url: Type.Optional(Nullable(Url)),
    description: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
)
export type ProviderOfferBody = Static<typeof ProviderOfferBody>
export const ProviderOfferUpdateBody = Type.Object(
  {
    regions: Type.Optional(Regions),
    priceIndication: Type.Optional(Nullable(Text(200))),
    url: Type.Optional(Nullable(Url)),
    description: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type ProviderOfferUpdateBody = Static<typeof ProviderOfferUpdateBody>

export const OperatorOffer = Type.Object({
  id: Uuid,
  operatorId: Uuid,
  operatorName: Nullable(Type.String()),
  toolSlug: Type.String(),
  toolName: Type.String(),
  description: Nullable(Type.String()),
  url: Nullable(Type.String()),
  priceIndication: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type OperatorOffer = Static<typeof OperatorOffer>
export const OperatorOfferBody = Type.Object(
  {
    operatorId: Type.Optional(Uuid),
    toolSlug: Slug,
    description: Type.Optional(Nullable(Text(2000))),
    url: Type.Optional(Nullable(Url)),
    priceIndication: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
)
export type OperatorOfferBody = Static<typeof OperatorOfferBody>
export const OperatorOfferUpdateBody = Type.Object(
  {
    description: Type.Optional(Nullable(Text(2000))),
    url: Type.Optional(Nullable(Url)),
    priceIndication: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type OperatorOfferUpdateBody = Static<typeof OperatorOfferUpdateBody>

export const ToolUsage = Type.Object({
  id: Uuid,
  toolSlug: Type.String(),
  toolName: Type.String(),
  organisationId: Uuid,
  status: UsageStatusSchema,
  comment: Nullable(Type.String()),
  contactConsent: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type ToolUsage = Static<typeof ToolUsage>
export const ToolUsageBody = Type.Object(
  {
    toolSlug: Slug,
    organisationId: Uuid,
    status: UsageStatusSchema,
    comment: Type.Optional(Nullable(Text(1000))),
    contactConsent: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
)
export type ToolUsageBody = Static<typeof ToolUsageBody>

const Count = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() })
export const ToolUsageStats = Type.Object({
  toolSlug: Type.String(),
  total: Type.Integer(),
  byStatus: Type.Array(Count),
  byPopulationBracket: Type.Array(Count, { description: 'Collectivités that use it, by population bracket' }),
  byDepartement: Type.Array(Count, {
    description: 'Collectivités that use it, by département (label: its name when known, else its code)',
  }),
  byRegion: Type.Array(Count, {
    description:
      'Collectivités that use it, by région (INSEE code; label: its name when known, else its code)',
  }),
  contactable: Type.Array(
    Type.Object({
      organisationId: Uuid,
      name: Type.String(),
      departement: Nullable(Type.String()),
      populationBracket: Nullable(PopulationBracketSchema),
      status: UsageStatusSchema,
      comment: Nullable(Type.String()),
    }),
    { description: 'Collectivités that agreed to be contacted (no email is ever exposed)' },
  ),
})

export const ContactBody = Type.Object(
  {
    fromOrganisationId: Uuid,
    toOrganisationId: Uuid,
    message: Text(2000, 10),
  },
  { additionalProperties: false },
)
export type ContactBody = Static<typeof ContactBody>

export const Review = Type.Object({
  id: Uuid,
  toolSlug: Type.String(),
  organisationId: Uuid,
  organisationName: Nullable(Type.String()),
  departement: Nullable(Type.String()),
  authorRole: Nullable(Type.String()),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  text: Type.String(),
  createdAt: DateTime,
})
export type Review = Static<typeof Review>
export const ModerationReview = Type.Object({
  ...Review.properties,
  status: ReviewStatusSchema,
  authorId: Nullable(Uuid),
  moderationNote: Nullable(Type.String()),
  moderatedAt: Nullable(DateTime),
  reportCount: Type.Integer(),
})
export type ModerationReview = Static<typeof ModerationReview>
export const ModerationReviewDetail = Type.Object({
  ...ModerationReview.properties,
  toolName: Type.String(),
  reports: Type.Array(Type.Object({ reason: Type.String(), createdAt: DateTime }), {
    description: 'Reasons given by the members who reported it (pending reports; who reported is not shown)',
  }),
})
export type ModerationReviewDetail = Static<typeof ModerationReviewDetail>
export const ReviewBody = Type.Object(
  {
    organisationId: Uuid,
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    text: Text(5000, 10),
  },
  { additionalProperties: false },
)
export type ReviewBody = Static<typeof ReviewBody>
export const ModerationBody = Type.Object(
  {
    status: literals(['published', 'rejected']),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
)
export const ReportBody = Type.Object({ reason: Text(1000, 3) }, { additionalProperties: false })

/** The import formats, as the parser knows them. */
export const IMPORT_FORMAT_IDS = IMPORT_FORMATS
export const ImportWarning = Type.Object({
  code: Type.String({
    description:
      'licence-normalised, licence-list, licence-unknown, shared-id, id-conflict, name-conflict, near-duplicate, id-differs, plugin, no-category, unknown-category',
  }),
  message: Type.String({ description: 'French, for the editor' }),
})
export const ImportEntry = Type.Object({
  index: Type.Integer({ description: 'Position of the entry in the file (0-based; CSV: data row)' }),
  name: Type.String(),
  slug: Nullable(Type.String({ description: 'Tool created or matched (would be, in a dry run)' })),
  action: literals(['created', 'updated', 'unchanged', 'skipped', 'refused']),
  reason: Type.Optional(Type.String({ description: 'Why, in French for the editor' })),
  match: Type.Optional(
    Type.Object({
      slug: Type.String(),
      by: literals(['slug', 'sill', 'wikidata', 'comptoirDuLibre', 'framalibre', 'name']),
    }),
  ),
  suggestedCategories: Type.Optional(Type.Array(Type.String())),
  suggestedThemes: Type.Optional(Type.Array(Type.String())),
  warnings: Type.Optional(Type.Array(ImportWarning)),
  problems: Type.Optional(
    Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
      description: 'Why a refused entry is invalid (paths in the file, at most 10)',
    }),
  ),
})
export type ImportEntry = Static<typeof ImportEntry>
export const ImportReport = Type.Object({
  id: Uuid,
  format: literals(IMPORT_FORMAT_IDS),
  dryRun: Type.Boolean({ description: 'Nothing was written (the report tells what would be)' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  refused: Type.Integer(),
  conflicts: Type.Integer({
    description: 'Entries with a shared id, an id held by another tool or a near-duplicate name',
  }),
  entriesTotal: Type.Integer(),
  entriesOffset: Type.Integer(),
  entriesLimit: Type.Integer(),
  entries: Type.Array(ImportEntry, { description: 'One page of the per-entry report' }),
  warningsTotal: Type.Integer(),
  warnings: Type.Array(
    Type.Object({ field: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) }),
    { description: 'The first 100 warnings of the whole file (each entry carries its own)' },
  ),
})
export type ImportReport = Static<typeof ImportReport>

export const ExportTool = Type.Object({
  slug: Type.String(),
  url: Type.String({ description: 'API URL of the tool' }),
  name: Type.String(),
  summary: Type.String(),
  description: Type.String({ description: 'Markdown' }),
  website: Nullable(Type.String()),
  repository: Nullable(Type.String()),
  logoUrl: Nullable(Type.String()),
  licence: Type.String(),
  isFree: Type.Boolean(),
  categories: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  hosting: ToolDetail.properties.hosting,
  standards: Type.Array(Type.String()),
  accessibility: ToolDetail.properties.accessibility,
  security: ToolDetail.properties.security,
  sobriety: Nullable(Type.String()),
  costModel: Type.String(),
  skillLevel: Type.String(),
  alternativeTo: Type.Array(Type.String()),
  externalIds: ToolDetail.properties.externalIds,
  usersCount: Type.Integer(),
  rating: Rating,
  attributes: Type.Record(Type.String(), AttributeValue, { description: 'National custom criteria, by key' }),
  updatedAt: DateTime,
  publishedAt: Nullable(DateTime),
})
export const ExportDocument = Type.Object({
  generatedAt: DateTime,
  licence: Type.String(),
  count: Type.Integer(),
  criteria: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      kind: CriterionKindSchema,
      unit: Nullable(Type.String()),
      options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
    }),
  ),
  tools: Type.Array(ExportTool),
})
