import type { paths } from '@osinum/client'

/** The JSON body of a successful (200) answer of the API's `method` `path`, as the client types it. */
export type ApiData<P extends keyof paths, M extends 'get' | 'post' = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

export type SearchResult = ApiData<'/v1/tools'>
export type ToolSummary = SearchResult['items'][number]
export type Tool = ApiData<'/v1/tools/{slug}'>
export type ToolUsage = ApiData<'/v1/tools/{slug}/usages'>
export type ToolReviews = ApiData<'/v1/tools/{slug}/reviews'>
export type Comparison = ApiData<'/v1/tools/compare'>
export type MyUsages = ApiData<'/v1/tool-usages'>['items']
export type ResourceSearch = ApiData<'/v1/resources'>
export type Resource = ApiData<'/v1/resources/{slug}'>
export type Vocabulary = ApiData<'/v1/resources/vocabulary'>
export type TrainingList = ApiData<'/v1/trainings'>
export type Training = ApiData<'/v1/trainings/{slug}'>
export type TrainingSession = Training['sessions'][number]
export type Collections = ApiData<'/v1/collections'>['items']
