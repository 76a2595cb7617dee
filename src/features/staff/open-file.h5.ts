import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import { staffHeaders } from './stores/staff-session-store'

/**
 * H5: fetch a protected file with the staff session and hand it to the browser: shown in a new tab, or saved
 * under `saveAs`. Returns a Chinese error message, or null.
 */
export async function openStaffFile(path: string, saveAs?: string): Promise<string | null> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const res = await fetch(base + path, { headers: staffHeaders() }).catch(() => null)
  if (!res) return '网络连接失败，请重试'
  if (!res.ok) return res.status === 404 ? '文件不存在或无权查看' : '打开失败，请重试'
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
  return null
}
