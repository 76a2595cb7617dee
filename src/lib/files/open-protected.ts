import Taro from '@tarojs/taro'
import { DEFAULT_API_BASE } from '@/lib/http/api-base'

/** The HTTP status (0: no answer) and a Chinese error message, or null when the file opened. */
export interface Opened {
  status: number
  error: string | null
}

/** Mini-program: download with the given credentials, then preview an image or open a document (PDF, CSV). */
export async function openProtectedFile(path: string, headers: Record<string, string>, _saveAs?: string): Promise<Opened> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  try {
    const r = await Taro.downloadFile({ url: base + path, header: headers })
    if (r.statusCode !== 200) return { status: r.statusCode, error: r.statusCode === 404 ? '文件不存在或无权查看' : '打开失败，请重试' }
    const type = (r.header?.['Content-Type'] ?? r.header?.['content-type'] ?? '') as string
    if (type.startsWith('image/')) await Taro.previewImage({ urls: [r.tempFilePath] })
    else await Taro.openDocument({ filePath: r.tempFilePath, showMenu: true })
    return { status: 200, error: null }
  } catch {
    return { status: 0, error: '网络连接失败，请重试' }
  }
}
