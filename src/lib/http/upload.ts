import Taro from '@tarojs/taro'
import type { ErrorEnvelope, OkEnvelope } from '@/contract'
import type { Upload } from '@/contract/licences'
import { ROUTES } from '@/contract/routes'
import { ApiError } from './api-error'
import { DEFAULT_API_BASE } from './api-base'
import { currentToken, refreshSession } from './client'

/**
 * Uploads one file through Taro.uploadFile (multipart field `file`), unwrapping the envelope like the client,
 * and renewing an expired session once as the client does.
 */
export async function uploadFile(filePath: string, retried = false): Promise<Upload> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const token = currentToken()
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await Taro.uploadFile({
      url: base + ROUTES.upload.path,
      filePath,
      name: 'file',
      header: token ? { authorization: `Bearer ${token}` } : {},
    })
  } catch {
    throw new ApiError('NETWORK', '上传失败：网络连接中断，请重试')
  }
  let body: OkEnvelope<Upload> | ErrorEnvelope
  try {
    body = JSON.parse(res.data) as OkEnvelope<Upload> | ErrorEnvelope
  } catch {
    throw ApiError.client('BAD_RESPONSE')
  }
  if (body.code === 'SESSION_EXPIRED' && !retried && (await refreshSession())) return uploadFile(filePath, true)
  if (body.code !== '00') throw new ApiError(body.code, body.msg, (body as ErrorEnvelope).errors, res.statusCode)
  return (body as OkEnvelope<Upload>).data
}
