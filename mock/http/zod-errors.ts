import { z } from 'zod'
import type { FieldError } from '../../src/contract'

// Chinese messages for zod's generic failures (wrong type, missing field, too long…).
z.config(z.locales.zhCN())

/** Turns a zod error into field errors: a dot path (prefixed with where it was found) and a Chinese message. */
export function toFieldErrors(error: z.ZodError, where: 'body' | 'query' | 'params'): FieldError[] {
  return error.issues.map((issue) => {
    const inner = issue.path.map(String).join('.')
    const prefix = where === 'body' ? '' : where
    const path = [prefix, inner].filter(Boolean).join('.') || where
    return { path, message: issue.message }
  })
}
