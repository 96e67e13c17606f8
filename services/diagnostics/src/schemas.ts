import { Type } from 'typebox'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])
const Labelled = Type.Object({ id: Type.String(), label: Type.String() })
const LevelSchema = Type.Union(['A', 'B', 'C', 'D', 'E'].map((l) => Type.Literal(l)))

export const QuestionnaireSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  publishedAt: Type.String(),
  questionCount: Type.Integer(),
  current: Type.Boolean({ description: 'True for the version new diagnostics use' }),
})

export const QuestionnaireDocument = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    title: Type.String(),
    description: Type.String(),
    publishedAt: Type.String(),
    themes: Type.Array(Labelled),
    questions: Type.Array(
      Type.Object({
        id: Type.String(),
        theme: Type.String(),
        type: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
        label: Type.String(),
        help: Type.Object({ why: Type.String(), how: Type.String() }),
        required: Type.Boolean(),
        scored: Type.Boolean(),
        weight: Type.Number(),
        lenses: Type.Object({ sovereignty: Type.Number(), security: Type.Number(), sobriety: Type.Number() }),
        showIf: Type.Optional(Type.Object({ question: Type.String(), in: Type.Array(Type.String()) })),
        options: Type.Array(
          Type.Object({
            id: Type.String(),
            label: Type.String(),
            score: Type.Number(),
            exclusive: Type.Optional(Type.Boolean()),
          }),
        ),
      }),
    ),
  },
  { description: 'A questionnaire version (the référentiel), in French' },
)

export const Progress = Type.Object({
  answered: Type.Integer(),
  visible: Type.Integer({ description: 'Questions shown for the current answers' }),
  requiredAnswered: Type.Integer(),
  requiredVisible: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  complete: Type.Boolean({ description: 'Every required visible question is answered: it can be submitted' }),
})

export const AnswerView = Type.Object({
  questionId: Type.String(),
  value: Type.Union([Type.String(), Type.Array(Type.String())], {
    description: 'Option id (single) or option ids (multiple)',
  }),
  visible: Type.Boolean({ description: 'False when a later answer hides the question: then it is ignored' }),
  answeredBy: Nullable(Type.String({ description: 'User id; null once the person is erased' })),
  answeredByRole: Nullable(Type.String({ description: 'elected or agent' })),
  answeredAt: Type.String({ format: 'date-time' }),
})

export const DiagnosticSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  questionnaire: Type.Object({ id: Type.String(), version: Type.Integer() }),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  startedBy: Nullable(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  submittedBy: Nullable(Type.String()),
  level: Nullable(LevelSchema),
  overallScore: Nullable(Type.Number()),
})

export const DiagnosticDetail = Type.Object({
  ...DiagnosticSummary.properties,
  progress: Progress,
  answers: Type.Array(AnswerView),
  contributors: Type.Array(
    Type.Object({
      userId: Nullable(Type.String()),
      role: Nullable(Type.String()),
      answers: Type.Integer(),
      lastAnsweredAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'Who answered how many questions (élu and agent can both contribute)' },
  ),
  missingRequired: Type.Array(Type.String(), { description: 'Required visible questions without an answer' }),
})

const MeasureView = Type.Object({
  ruleId: Type.String(),
  title: Type.String(),
  why: Type.String(),
  how: Type.String(),
  priority: Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent' }),
  effort: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]),
  effortLabel: Type.String(),
  themes: Type.Array(Labelled),
  lenses: Type.Array(Labelled),
  tools: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  categories: Type.Array(Labelled),
  resourceThemes: Type.Array(Labelled),
  resources: Type.Array(Type.Object({ slug: Type.String(), title: Type.String() })),
  operatorOffer: Nullable(
    Type.Object({
      operatorId: Type.String(),
      operatorName: Type.String(),
      tools: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
      text: Type.String(),
    }),
  ),
  nationalIndicator: Nullable(
    Type.Object({ id: Type.String(), label: Type.String(), value: Type.Number(), sentence: Type.String() }),
  ),
})

const ThemeScore = Type.Object({ theme: Type.String(), label: Type.String(), score: Nullable(Type.Number()) })

export const ResultsView = Type.Object({
  diagnosticId: Type.String({ format: 'uuid' }),
  organisation: Type.Object({
    id: Type.String(),
    name: Type.String(),
    populationBracket: Nullable(Type.String()),
    populationBracketLabel: Nullable(Type.String()),
    departement: Nullable(Type.String()),
    region: Nullable(Type.String()),
    operator: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  }),
  questionnaire: Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.String() }),
  submittedAt: Type.String({ format: 'date-time' }),
  level: LevelSchema,
  levelLabel: Type.String(),
  overallScore: Type.Number(),
  themes: Type.Array(ThemeScore),
  lenses: Type.Array(
    Type.Object({ lens: Type.String(), label: Type.String(), score: Nullable(Type.Number()) }),
  ),
  strengths: Type.Array(Type.Object({ theme: Type.String(), label: Type.String(), score: Type.Number() })),
  weaknesses: Type.Array(Type.Object({ theme: Type.String(), label: Type.String(), score: Type.Number() })),
  priorities: Type.Array(MeasureView, { description: 'The priority measures (at most 5)' }),
  annex: Type.Array(MeasureView, { description: 'The other measures' }),
  benchmarks: Type.Object({
    national: Type.Object({
      dataset: Type.Object({
        id: Type.String(),
        version: Type.Integer(),
        title: Type.String(),
        publishedAt: Type.String(),
        respondents: Type.Integer(),
        url: Type.String(),
      }),
      indicators: Type.Array(
        Type.Object({
          id: Type.String(),
          label: Type.String(),
          section: Type.String(),
          national: Type.Number(),
          yours: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('not-applicable')]),
          sentence: Type.String(),
        }),
      ),
    }),
    peers: Type.Object({
      minGroupSize: Type.Integer(),
      groups: Type.Array(
        Type.Object({
          group: Type.Union([
            Type.Literal('population-bracket'),
            Type.Literal('departement'),
            Type.Literal('operator'),
          ]),
          label: Type.String(),
          published: Type.Boolean({ description: 'False when the group is too small to be shown' }),
          collectivites: Nullable(Type.Integer()),
          overallScore: Nullable(Type.Number()),
          themes: Type.Array(Type.Object({ theme: Type.String(), score: Nullable(Type.Number()) })),
        }),
      ),
    }),
    evolution: Type.Object({
      previous: Type.Array(
        Type.Object({
          diagnosticId: Type.String(),
          submittedAt: Type.String({ format: 'date-time' }),
          questionnaireVersion: Type.Integer(),
          overallScore: Type.Number(),
          level: Type.String(),
          themeScores: Type.Record(Type.String(), Nullable(Type.Number())),
        }),
      ),
      delta: Nullable(
        Type.Object({
          since: Type.String({ format: 'date-time' }),
          overallScore: Type.Number(),
          themes: Type.Array(
            Type.Object({
              theme: Type.String(),
              label: Type.String(),
              before: Nullable(Type.Number()),
              after: Nullable(Type.Number()),
            }),
          ),
        }),
      ),
      changedAnswers: Type.Array(
        Type.Object({
          questionId: Type.String(),
          label: Type.String(),
          before: Type.Array(Type.String()),
          after: Type.Array(Type.String()),
        }),
      ),
    }),
  }),
})

export const NationalDatasetView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  source: Type.Object({
    title: Type.String(),
    publishedAt: Type.String(),
    period: Type.String(),
    respondents: Type.Integer(),
    authors: Type.String(),
    dataset: Type.String(),
  }),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      statement: Type.String(),
      polarity: Type.String(),
      value: Type.Number(),
      unit: Type.String(),
      question: Type.String(),
      answers: Type.Array(Type.String()),
      section: Type.String({ description: 'Where the figure comes from in the report' }),
      quote: Type.String({ description: 'The exact phrase of the report' }),
    }),
  ),
})

const PanoramaStats = Type.Object({
  collectivites: Type.Integer(),
  overallScore: Type.Number(),
  levels: Type.Object(
    Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((l) => [l, Nullable(Type.Integer())])) as Record<
      string,
      ReturnType<typeof Nullable>
    >,
    { description: 'Collectivités per level; null = suppressed (small count)' },
  ),
  themes: Type.Array(
    Type.Object({
      theme: Type.String(),
      label: Type.String(),
      score: Nullable(Type.Number()),
      base: Nullable(Type.Integer()),
    }),
  ),
  lenses: Type.Array(
    Type.Object({
      lens: Type.String(),
      label: Type.String(),
      score: Nullable(Type.Number()),
      base: Nullable(Type.Integer()),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      id: Type.String({
        description: 'National indicator id (labels and national figures: top-level `indicators`)',
      }),
      value: Nullable(
        Type.Number({ description: 'Share on this instance (percent); null when its base is too small' }),
      ),
      base: Nullable(Type.Integer({ description: 'Collectivités the question applied to' })),
    }),
  ),
})

export const PanoramaFiltersSchema = Type.Object({
  operatorId: Type.Optional(Type.String({ format: 'uuid' })),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  departement: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
  populationBracket: Type.Optional(
    Type.Union(['under-500', '500-999', '1000-4999', '5000-19999', '20000-plus'].map((b) => Type.Literal(b))),
  ),
})

const PanoramaGroup = Type.Object({
  filters: Type.Object({
    operatorId: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    departement: Type.Optional(Type.String()),
    populationBracket: Type.Optional(Type.String()),
  }),
  label: Type.String(),
  published: Type.Boolean(),
  stats: Nullable(PanoramaStats),
})

export const PanoramaView = Type.Object({
  minGroupSize: Type.Integer({ description: 'No group smaller than this is ever published' }),
  generatedAt: Type.String({ format: 'date-time', description: 'When this release was published' }),
  release: Nullable(
    Type.Object(
      {
        number: Type.Integer({ description: 'Releases are numbered from 1' }),
        publishedAt: Type.String({ format: 'date-time' }),
      },
      {
        description:
          'The dated release these figures come from (null: none yet). Results of verified collectivités enter releases in batches that cannot be told apart; see docs/security.md',
      },
    ),
  ),
  nationalDataset: Type.Object({ id: Type.String(), version: Type.Integer() }),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      national: Type.Number({ description: '2023 national survey figure (percent)' }),
    }),
    { description: 'The national indicators the groups are measured on' },
  ),
  group: PanoramaGroup,
  breakdown: Type.Array(PanoramaGroup, {
    description: 'Published groups for each value of `groupBy` (others left out)',
  }),
  note: Type.String(),
})
