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

export function lookupShare(number: string): LookupShare {
  return {
    title: `查询办电进度（申请编号${number}）`,
    text: `万州办电申请编号${number}，打开后凭申请时留的手机号和短信验证码查询办理进度：`,
    path: `${LOOKUP_PAGE}?number=${encodeURIComponent(number)}`,
  }
}
