/**
 * What sharing an application number hands on: the 查询进度 page with the number filled in, and nothing about the
 * applicant. Whoever opens it still needs the contact mobile and its SMS code to see anything of the case.
 */
export const LOOKUP_PAGE = '/packages/track/pages/lookup/index'

export interface LookupShare {
  /** the card's or message's title */
  title: string
  /** the words sent with the link (H5 share sheet, or the copied text) */
  text: string
  /** the app's path to open: the lookup page with the number */
  path: string
}

/** What a number is called where it is shown and shared: an application's, or a 一件事's (the lookup takes both). */
export type NumberLabel = '申请编号' | '一件事编号'

export function lookupShare(number: string, label: NumberLabel = '申请编号'): LookupShare {
  return {
    title: `查询办电进度（${label}${number}）`,
    text: `万州办电${label}${number}，打开后凭申请时留的手机号和短信验证码查询办理进度：`,
    path: `${LOOKUP_PAGE}?number=${encodeURIComponent(number)}`,
  }
}
