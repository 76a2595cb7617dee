/**
 * Contract constants the app needs at run time. Kept free of zod so importing them adds only these bytes;
 * the schema files import from here.
 */

/** Version of the personal-information notice; bump when its text changes, and users are asked again. */
export const CONSENT_VERSION = '2026-11-v1'

export const USE_LABELS = {
  shop: '商铺经营', office: '办公', workshop: '生产加工', farming: '农业生产', home: '居民生活', other: '其他',
} as const
export type UseCode = keyof typeof USE_LABELS

/** Header carrying the client's idempotency key on submit. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
