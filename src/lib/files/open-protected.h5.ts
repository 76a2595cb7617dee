import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import type { Opened } from './open-protected'

/**
 * H5: fetch a file that needs credentials and hand it to the browser: shown in a new tab, or saved under `saveAs`.
 * Returns the HTTP status and a Chinese error message, or null when it opened.
 */
export async function openProtectedFile(path: string, headers: Record<string, string>, saveAs?: string): Promise<Opened> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const res = await fetch(base + path, { headers }).catch(() => null)
  if (!res) return { status: 0, error: '网络连接失败，请重试' }
  if (!res.ok) return { status: res.status, error: res.status === 404 ? '文件不存在或无权查看' : '打开失败，请重试' }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  if (saveAs) a.download = saveAs
  else a.target = '_blank'
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { status: res.status, error: null }
}
