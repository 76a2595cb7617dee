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
  LOGIN_CODE_INVALID: { http: 400, msg: '授权码无效或已使用，请重新登录' },
  YKB_AUTH_REQUIRED: { http: 403, msg: '请先通过渝快办授权实名信息' },
  YKB_UNAVAILABLE: { http: 503, msg: '渝快办暂时无法访问，请稍后重试，或改用拍照上传' },
  CONSENT_REQUIRED: { http: 403, msg: '请先阅读并同意个人信息收集说明' },
  LICENCE_NOT_FOUND: { http: 404, msg: '未查询到该电子证照' },
  LICENCE_CANCELLED: { http: 422, msg: '该电子证照已注销，不能使用' },
  LICENCE_EXPIRED: { http: 422, msg: '该电子证照已过有效期，不能使用' },
  QR_INVALID: { http: 400, msg: '二维码内容无法识别，请确认扫描的是渝快办亮证码或不动产权证书二维码' },
  QR_EXPIRED: { http: 410, msg: '亮证码已过期，请让持证人刷新后重新扫描' },
  SCAN_REFUSED: { http: 403, msg: '持证人拒绝了本次用证授权' },
  OCR_NOT_RECOGNISED: { http: 422, msg: '未能识别照片中的证件信息，请手动填写' },
  ID_NOT_OWN: { http: 422, msg: '这张身份证不是您本人的：与您渝快办实名认证的身份不一致，请拍摄您本人的身份证' },
  UPLOAD_EMPTY: { http: 400, msg: '文件是空的，请重新选择' },
  UPLOAD_TOO_LARGE: { http: 413, msg: '文件超过5MB，请压缩后重新上传' },
  UPLOAD_TYPE: { http: 415, msg: '只支持JPG、PNG图片或PDF文件' },
  UPLOAD_DIMENSIONS: { http: 422, msg: '图片尺寸过大（长边不超过12000像素、总计不超过5000万像素），请缩小后重新上传' },
  UPLOAD_QUOTA: { http: 429, msg: '今天上传的文件已达上限（每人每天50个、共100MB），请明天再试' },
  LOOKUP_FAILED: { http: 400, msg: '申请编号、手机号或验证码不正确，请核对后重试' },
  ACTION_NOT_ALLOWED: { http: 409, msg: '当前办理状态下不能进行该操作' },
  ALREADY_RATED: { http: 409, msg: '该申请已经评价过，每件只能评价一次' },
  LEAD_BUSINESS_UNKNOWN: { http: 404, msg: '市场主体登记信息中未查到该统一社会信用代码，请核对' },
  LEAD_EXISTS: { http: 409, msg: '该企业已有待答复的主动服务邀请' },
  INVITATION_DECIDED: { http: 409, msg: '该邀请已经处理过（已申请或已谢绝）' },
  REPORT_FROZEN: { http: 409, msg: '该月报告已报送并封存，不能修改或重报' },
  COMPLAINT_OPEN: { http: 409, msg: '该申请已有投诉正在等待供电企业答复，请等待答复后再投诉' },
  COMPLAINT_STATE: { http: 409, msg: '该投诉当前状态不能进行此操作（已答复的不能再答复，答复前不能结束）' },
  PUSH_UNKNOWN_KEY: { http: 401, msg: '未知的应用标识' },
  PUSH_BAD_SIGNATURE: { http: 401, msg: '签名校验失败' },
  PUSH_CLOCK_SKEW: { http: 401, msg: '请求时间与服务器相差超过5分钟' },
  PUSH_REPLAY: { http: 409, msg: '请求随机数已使用，疑似重放' },
  PUSH_BAD_TRANSITION: { http: 422, msg: '办件环节顺序不合法，记录未保存' },
  PUSH_NOT_ALLOWED: { http: 422, msg: '该暂停或补正不符合规定（原因、环节或材料），记录未保存' },
  STAFF_LOGIN_FAILED: { http: 401, msg: '账号或密码不正确' },
  STAFF_LOCKED: { http: 423, msg: '连续登录失败次数过多，已临时锁定，请稍后再试或联系管理员解除' },
  IDEMPOTENCY_MISMATCH: { http: 409, msg: '同一提交编号对应了不同的内容，请刷新后重新提交' },
  INTERNAL: { http: 500, msg: '服务暂时不可用，请稍后重试' },
} as const

export type ErrorCode = keyof typeof ERRORS
export const OK_CODE = '00'
export type ResponseCode = typeof OK_CODE | ErrorCode

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code)
}
