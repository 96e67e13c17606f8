import type { Db } from './db.js'

/**
 * Where attachment bytes live: the service's database (default, and the embedded mode) or an
 * S3-compatible object store when S3_* variables are set. Metadata always stays in the database.
 */
export interface AttachmentStorage {
  readonly kind: 'database' | 's3'
  put(key: string, data: Uint8Array, contentType: string): Promise<void>
  get(key: string): Promise<Uint8Array | null>
  delete(key: string): Promise<void>
  close?(): Promise<void>
}

export function databaseStorage(db: Db): AttachmentStorage {
  return {
    kind: 'database',
    async put(key, data) {
      await db
        .insertInto('attachment_blobs')
        .values({ key, data })
        .onConflict((oc) => oc.column('key').doUpdateSet({ data }))
        .execute()
    },
    async get(key) {
      const row = await db
        .selectFrom('attachment_blobs')
        .select('data')
        .where('key', '=', key)
        .executeTakeFirst()
      return row ? new Uint8Array(row.data) : null
    },
    async delete(key) {
      await db.deleteFrom('attachment_blobs').where('key', '=', key).execute()
    },
  }
}

export interface S3Options {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  forcePathStyle: boolean
}

/** S3-compatible storage (MinIO, Garage, Ceph, Scaleway, OVH…); the SDK is loaded only when used. */
export async function s3Storage(options: S3Options): Promise<AttachmentStorage> {
  const { S3Client, PutObjectCommand, GetObjectCommand, DeleteObjectCommand, NoSuchKey } = await import(
    '@aws-sdk/client-s3'
  )
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Many S3-compatible stores do not implement the newer default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  })
  return {
    kind: 's3',
    async put(key, data, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: data, ContentType: contentType }),
      )
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }))
        return out.Body ? await out.Body.transformToByteArray() : null
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null
        throw error
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }))
    },
    async close() {
      client.destroy()
    },
  }
}

export interface StorageConfig {
  S3_ENDPOINT?: string | undefined
  S3_BUCKET?: string | undefined
  S3_ACCESS_KEY_ID?: string | undefined
  S3_SECRET_ACCESS_KEY?: string | undefined
  S3_REGION: string
  S3_FORCE_PATH_STYLE: boolean
}

/** S3 when S3_ENDPOINT is set (then the bucket and keys are required), else the database. */
export async function storageFromConfig(config: StorageConfig, db: Db): Promise<AttachmentStorage> {
  if (!config.S3_ENDPOINT) return databaseStorage(db)
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
    (k) => !config[k],
  )
  if (missing.length)
    throw new Error(`invalid configuration: S3_ENDPOINT is set, so ${missing.join(', ')} must be set too`)
  return s3Storage({
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET!,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  })
}
