import { z } from 'zod'
import { ERRORS, OK_CODE } from './errors'

/**
 * Every response, success or failure, is `{ code, msg, data }`.
 * - success: code "00", data holds the payload;
 * - failure: code is one of ERRORS, data is null, and `errors` names each bad field.
 */
export const fieldErrorSchema = z.object({
  path: z.string().describe('dot path of the bad field, e.g. "applicant.idNumber"'),
  message: z.string().describe('what to do, in Chinese'),
})
export type FieldError = z.infer<typeof fieldErrorSchema>

const errorCodes = Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]

export const errorEnvelopeSchema = z.object({
  code: z.enum(errorCodes),
  msg: z.string(),
  data: z.null(),
  errors: z.array(fieldErrorSchema).optional(),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>

export function okEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({ code: z.literal(OK_CODE), msg: z.string(), data })
}
export type OkEnvelope<T> = { code: typeof OK_CODE; msg: string; data: T }
