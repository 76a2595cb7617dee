import Taro from '@tarojs/taro'
import { callApi } from '@/lib/http/client'

/** Template ids come from configuration (TARO_APP_SUBSCRIBE_TEMPLATES, comma-separated); WeChat allows 3 per call. */
const TEMPLATES = (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 3)
/** 订阅办理进度提醒 is offered only when the account has templates configured: otherwise the button would do nothing. */
export const SUBSCRIBE_AVAILABLE = TEMPLATES.length > 0

/** Must be called from a tap. Records on the server which templates the user accepted. */
export async function askToSubscribe(number: string): Promise<string[]> {
  if (TEMPLATES.length === 0) return []
  const r = await Taro.requestSubscribeMessage({ tmplIds: TEMPLATES, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  const accepted = TEMPLATES.filter((id) => (r as unknown as Record<string, string>)[id] === 'accept')
  await callApi('subscribe', { params: { number }, body: { accepted } })
  return accepted
}
