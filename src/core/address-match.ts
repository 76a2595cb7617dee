// Whether the connection address agrees with the property certificate's 坐落: one checker for app and server.
import { TOWNSHIPS, type Township } from './wanzhou'

/** The township an address names (万州区's 52), if any: '重庆市万州区瀼渡镇演示街8号' -> 瀼渡镇. */
export function townshipIn(address: string): Township | undefined {
  return TOWNSHIPS.find((t) => address.includes(t.name))
}

/**
 * The certificate's township when the connection address lies in another one, else undefined. Compared at the
 * township level, which decides the supply enterprise and is all the applicant's (masked) view of a 坐落 shows.
 */
export function certificateTownshipIfDifferent(townshipCode: string | undefined, locatedAt: string): Township | undefined {
  const onCertificate = townshipIn(locatedAt)
  return onCertificate && townshipCode && onCertificate.code !== townshipCode ? onCertificate : undefined
}

/**
 * The connection address a 坐落 gives, to fill the address from the certificate: the township it names and the rest
 * after it ('重庆市万州区瀼渡镇演示街8号1幢1-1' -> 瀼渡镇, '演示街8号1幢1-1'); undefined outside Wanzhou's townships.
 */
export function addressFromLocation(locatedAt: string): { townshipCode: string; detail: string } | undefined {
  const township = townshipIn(locatedAt)
  if (!township) return undefined
  const detail = locatedAt.slice(locatedAt.indexOf(township.name) + township.name.length).trim()
  return { townshipCode: township.code, detail }
}

export const ADDRESS_MISMATCH = {
  /** the applicant must either take the certificate's township or say why the address differs */
  reasonRequired: '用电地址与不动产权证书的坐落不在同一乡镇街道：请改为证书上的乡镇街道，或说明原因',
  review: (reason: string) => `用电地址与不动产权证书坐落不一致（申请人说明：${reason}），将由工作人员核对`,
} as const

/** Shortest and longest reason accepted for an address that differs from the certificate. */
export const MISMATCH_REASON_LENGTH = { min: 4, max: 100 } as const
