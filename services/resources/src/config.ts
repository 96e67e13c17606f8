import { type Static, Type } from 'typebox'

/** Variables the resources service adds to BaseConfig (all optional: the embedded mode needs none). */
export const ResourcesConfig = Type.Object({
  RESOURCES_ATTACHMENT_MAX_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 104_857_600,
    default: 10_485_760,
    description: 'Largest attachment accepted, in bytes (default 10 MiB)',
  }),
  RESOURCES_SEARCH_CACHE_MS: Type.Integer({
    minimum: 0,
    maximum: 600_000,
    default: 5000,
    description:
      'How long search serves a page, total or facet counts it computed a moment ago (0: never); writes of this replica refresh it at once',
  }),
  S3_ENDPOINT: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description: 'S3-compatible endpoint; attachments go to the database without it',
    }),
  ),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3 })),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  S3_REGION: Type.String({ default: 'us-east-1' }),
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: true, description: 'Path-style URLs (MinIO, Garage, Ceph…)' }),
})
export type ResourcesConfig = Static<typeof ResourcesConfig>
