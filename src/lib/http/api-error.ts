import type { ErrorCode, FieldError } from '@/contract'

export type ClientErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE'

const CLIENT_MESSAGES: Record<'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE', string> = {
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
  BAD_RESPONSE: '服务返回了无法识别的内容，请稍后重试',
}

/** Every failed call ends as one of these: a documented API code, or a client-side network code. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly status = 0,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  static client(code: keyof typeof CLIENT_MESSAGES): ApiError {
    return new ApiError(code, CLIENT_MESSAGES[code])
  }

  /** The message for a given field path, if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fieldErrors.find((e) => e.path === path)?.message
  }

  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT' || this.code === 'INTERNAL' || this.code === 'RATE_LIMITED'
  }
}
