// The QR printed on a paper 不动产权证书: `业务号$不动产单元号$证号$hash`, hash = first 16 hex (upper case)
// of sha256 over the first three fields joined by '$'.
import crypto from 'node:crypto'
import { checkPropertyCertNo, checkUnitNo } from '../../src/core/validators'
import { AppError } from '../http/app-error'

export interface PaperQr {
  businessNo: string
  unitNo: string
  certNo: string
}

const hashOf = (fields: string) => crypto.createHash('sha256').update(fields, 'utf8').digest('hex').slice(0, 16).toUpperCase()
const invalid = (message: string) => new AppError('QR_INVALID', message)

export const looksLikePaperQr = (qr: string) => qr.includes('$')

export function paperQrContent(p: PaperQr): string {
  const fields = `${p.businessNo}$${p.unitNo}$${p.certNo}`
  return `${fields}$${hashOf(fields)}`
}

/** A demo business number for a certificate: area code, year and serial of its 证号. */
export function demoBusinessNo(certNo: string): string {
  const m = /\((\d{4})\).*第(\d+)号$/.exec(certNo)
  return `500101${m ? m[1] + m[2] : '0000'}`
}

/** Parses and checks the paper-certificate QR; each failure says what is wrong. */
export function parsePaperQr(qr: string): PaperQr {
  const fields = qr.split('$')
  if (fields.length !== 4) throw invalid('不动产权证书二维码应包含业务号、不动产单元号、证号和校验码四项，请对准证书二维码重新扫描')
  const [businessNo, rawUnitNo, rawCertNo, hash] = fields
  if (!/^[0-9A-Za-z-]{1,40}$/.test(businessNo)) throw invalid('不动产权证书二维码中的业务号无法识别，请重新扫描')
  const unit = checkUnitNo(rawUnitNo)
  if (!unit.ok) throw invalid(`不动产权证书二维码中的不动产单元号有误：${unit.message}`)
  const cert = checkPropertyCertNo(rawCertNo)
  if (!cert.ok) throw invalid(`不动产权证书二维码中的证号有误：${cert.message}`)
  if (hash !== hashOf(`${businessNo}$${rawUnitNo}$${rawCertNo}`)) {
    throw invalid('不动产权证书二维码校验不通过，内容可能不完整或被改动，请重新扫描')
  }
  return { businessNo, unitNo: unit.value.unitNo, certNo: cert.value }
}
