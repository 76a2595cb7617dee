import { z } from 'zod'
import { CONSENT_VERSION } from './constants'

export { CONSENT_VERSION }

export const sessionSchema = z.object({
  token: z.string(),
  refreshToken: z.string(),
  /** ISO instant the access token stops working */
  expiresAt: z.iso.datetime(),
})
export type Session = z.infer<typeof sessionSchema>

/** The signed-in applicant as the app may see them: personal data masked. */
export const meSchema = z.object({
  userId: z.string(),
  /** how they signed in */
  via: z.enum(['wechat', 'ykb']),
  /** present once 渝快办 identity has been authorised */
  identity: z.object({ nameMasked: z.string(), idNumberMasked: z.string(), mobileMasked: z.string() }).nullable(),
  /** version of the personal-information notice the user agreed to, or null */
  consentVersion: z.string().nullable(),
})
export type Me = z.infer<typeof meSchema>

export const loginResultSchema = z.object({ session: sessionSchema, me: meSchema })
export type LoginResult = z.infer<typeof loginResultSchema>

export const wechatLoginBody = z.object({ code: z.string().trim().min(1, '缺少微信登录凭证').max(128) })
export const ykbLoginBody = z.object({ code: z.string().trim().min(1, '缺少渝快办授权码').max(128) })
export const refreshBody = z.object({ refreshToken: z.string().min(1).max(256) })

export const consentBody = z.object({
  version: z.literal(CONSENT_VERSION, { message: '个人信息收集说明已更新，请重新阅读' }),
  granted: z.boolean(),
})
