// Masking of property-certificate data for material views (the ID number and names use src/core/masking).
import { keepEnds } from '../../src/core/masking'
import { TOWNSHIPS } from '../../src/core/wanzhou'

const CERT_SERIAL = /^(.*不动产权第)(\d+)(号)$/

/** '渝(2023)万州区不动产权第0012341号' -> '渝(2023)万州区不动产权第****341号': the serial keeps its last 3 digits. */
export function maskCertNo(certNo: string): string {
  const m = CERT_SERIAL.exec(certNo)
  if (!m) return keepEnds(certNo, 4, 3)
  return m[1] + keepEnds(m[2], 0, 3) + m[3]
}

/** '500101138001GB00012F00010002' -> '500101******************0002': area code and last 4 kept. */
export function maskUnitNo(unitNo: string): string {
  return keepEnds(unitNo, 6, 4)
}

/**
 * Keeps an address down to its township level and hides the rest:
 * '重庆市万州区瀼渡镇演示街8号1幢1-2' -> '重庆市万州区瀼渡镇****'. Without a known township, keeps the district.
 */
export function maskAddress(address: string): string {
  for (const t of TOWNSHIPS) {
    const at = address.indexOf(t.name)
    if (at >= 0) return `${address.slice(0, at + t.name.length)}****`
  }
  const district = /^.*?[区县]/.exec(address)
  return `${district ? district[0] : [...address].slice(0, 3).join('')}****`
}
