import Taro from '@tarojs/taro'
import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import { staffHeaders } from './stores/staff-session-store'

/** Mini-program: download with the staff session, then preview an image or open a document (PDF, CSV). */
export async function openStaffFile(path: string, _saveAs?: string): Promise<string | null> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  try {
    const r = await Taro.downloadFile({ url: base + path, header: staffHeaders() })
    if (r.statusCode !== 200) return r.statusCode === 404 ? '文件不存在或无权查看' : '打开失败，请重试'
    const type = (r.header?.['Content-Type'] ?? r.header?.['content-type'] ?? '') as string
    if (type.startsWith('image/')) await Taro.previewImage({ urls: [r.tempFilePath] })
    else await Taro.openDocument({ filePath: r.tempFilePath, showMenu: true })
    return null
  } catch {
    return '网络连接失败，请重试'
  }
}
