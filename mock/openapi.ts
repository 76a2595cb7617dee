import { z } from 'zod'
import { endpoints, ERRORS, type Endpoint } from '../src/contract'
import { documentedErrors } from '../src/contract/endpoint'
import { errorEnvelopeSchema, okEnvelopeSchema } from '../src/contract/envelope'

const toJson = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' })

function parameters(e: Endpoint) {
  const out: object[] = []
  for (const [where, schema] of [['path', e.params], ['query', e.query]] as const) {
    if (!schema) continue
    for (const [name, field] of Object.entries(schema.shape)) {
      out.push({ name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success, schema: toJson(field as z.ZodType, 'input') })
    }
  }
  return out
}

function operation(id: string, e: Endpoint) {
  const responses: Record<string, object> = {
    200: { description: 'OK', content: { 'application/json': { schema: toJson(e.raw ? e.response : okEnvelopeSchema(e.response), 'output') } } },
  }
  const codes = e.raw ? [] : documentedErrors(e)
  for (const code of codes) {
    const http = String(ERRORS[code].http)
    const prev = responses[http] as { description: string } | undefined
    responses[http] = {
      description: prev ? `${prev.description}, ${code}` : code,
      content: { 'application/json': { schema: toJson(errorEnvelopeSchema, 'output') } },
    }
  }
  return {
    operationId: id,
    summary: e.summary,
    security: e.auth === 'none' ? [] : [{ [e.auth]: [] }],
    parameters: parameters(e),
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(e.body, 'input') } } } } : {}),
    responses,
  }
}

/** The OpenAPI 3.1 document, derived from the same contract the server validates with. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, object>> = {}
  for (const [id, e] of Object.entries(endpoints) as [string, Endpoint][]) {
    const p = e.path.replace(/:(\w+)/g, '{$1}')
    paths[p] = { ...paths[p], [e.method.toLowerCase()]: operation(id, e) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '万州办电 mock 渝快办 API',
      version,
      description: 'Envelope {code, msg, data}; code "00" is success. Error codes: ' +
        Object.entries(ERRORS).map(([c, v]) => `${c} (${v.http}) ${v.msg}`).join('; '),
    },
    components: {
      securitySchemes: {
        applicant: { type: 'http', scheme: 'bearer' },
        staff: { type: 'http', scheme: 'bearer' },
        signed: { type: 'apiKey', in: 'header', name: 'X-Signature', description: 'HMAC-SHA256, see README' },
      },
    },
    paths,
  }
}
