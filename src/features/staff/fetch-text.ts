import Taro from '@tarojs/taro'
import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import { staffHeaders } from './stores/staff-session-store'

/** GETs a raw (non-envelope) staff resource as text, e.g. the monthly CSV. */
export async function fetchStaffText(path: string): Promise<string> {
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const r = await Taro.request<string>({ url: base + path, header: staffHeaders(), dataType: '其他', responseType: 'text' })
  if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode}`)
  return r.data
}
