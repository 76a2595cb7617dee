/**
 * Every error code the API can answer, with its HTTP status and a Chinese message for the screen.
 * The one place these are defined: the server answers with them, the app maps them, the README lists them.
 */
export const ERRORS = {
  VALIDATION_FAILED: { http: 400, msg: '提交的信息有误，请按提示修改' },
  BAD_REQUEST: { http: 400, msg: '请求格式不正确' },
  UNAUTHENTICATED: { http: 401, msg: '请先登录' },
  SESSION_EXPIRED: { http: 401, msg: '登录已过期，请重新登录' },
  FORBIDDEN: { http: 403, msg: '无权访问该内容' },
  NOT_FOUND: { http: 404, msg: '未找到相关内容' },
  CONFLICT: { http: 409, msg: '操作冲突，请刷新后重试' },
  PAYLOAD_TOO_LARGE: { http: 413, msg: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, msg: '不支持的内容类型' },
  RATE_LIMITED: { http: 429, msg: '操作过于频繁，请稍后再试' },
  INTERNAL: { http: 500, msg: '服务暂时不可用，请稍后重试' },
} as const

export type ErrorCode = keyof typeof ERRORS
export const OK_CODE = '00'
export type ResponseCode = typeof OK_CODE | ErrorCode

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code)
}
