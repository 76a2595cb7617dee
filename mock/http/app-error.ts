import { ERRORS, type ErrorCode, type FieldError } from '../../src/contract'

/** A refusal the API documents: thrown by handlers, answered in the envelope by the error handler. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly errors?: FieldError[],
  ) {
    super(message ?? ERRORS[code].msg)
  }

  get http(): number {
    return ERRORS[this.code].http
  }
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ path, message }])
}
