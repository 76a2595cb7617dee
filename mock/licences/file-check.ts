// What an uploaded file must be beyond its magic bytes, before anyone's browser opens it: an image whose size can
// be decoded safely (a small file that inflates to gigapixels is refused), and a file that is nothing else as well
// (a PNG or PDF that is also a web page or carries script is refused). Refused, not re-encoded: no image codec here.
import type { Upload } from '../../src/contract/licences'
import { AppError } from '../http/app-error'

/** Longest side and pixel count a staff browser is asked to decode (a 50 MP phone photo fits; a bomb does not). */
export const MAX_IMAGE_SIDE = 12_000
export const MAX_IMAGE_PIXELS = 50_000_000

/** Markup or script that has no business inside a photo or a scanned document. Tags need their terminator, so
 * that compressed image data (near-random bytes) matches by chance about once in 10⁵ files of 5 MB. */
const ACTIVE_CONTENT = /<(?:script|html|body|iframe|object|embed|svg|\?xml|!doctype)[\s>/]|javascript:/i
/** PDF actions that run something when the document is opened. */
const PDF_ACTIONS = /\/(?:JavaScript|JS|Launch|RichMedia|XFA)\b/

export interface Dimensions {
  width: number
  height: number
}

/** The first frame header's size: SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
function jpegDimensions(b: Buffer): Dimensions | undefined {
  let i = 2
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]
    if (marker === 0xff) { i += 1; continue }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { i += 2; continue }
    if (marker === 0xd9 || marker === 0xda) return undefined // end of image or scan data before any frame header
    const length = b.readUInt16BE(i + 2)
    if (length < 2) return undefined
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return i + 9 <= b.length ? { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) } : undefined
    }
    i += 2 + length
  }
  return undefined
}

/** IHDR must be the first chunk. */
function pngDimensions(b: Buffer): Dimensions | undefined {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

export function imageDimensions(bytes: Buffer, mime: Upload['mime']): Dimensions | undefined {
  if (mime === 'image/jpeg') return jpegDimensions(bytes)
  if (mime === 'image/png') return pngDimensions(bytes)
  return undefined
}

/** Refuses a file that is not only what its magic bytes say, or an image too large to decode safely. */
export function checkContent(bytes: Buffer, mime: Upload['mime']): void {
  const text = bytes.toString('latin1')
  if (ACTIVE_CONTENT.test(text) || (mime === 'application/pdf' && PDF_ACTIONS.test(text))) {
    throw new AppError('UPLOAD_TYPE', '文件中含有网页或脚本内容，不能作为材料上传，请重新拍照或导出后上传')
  }
  if (mime === 'application/pdf') return
  const size = imageDimensions(bytes, mime)
  if (!size || size.width === 0 || size.height === 0) throw new AppError('UPLOAD_TYPE', '图片已损坏或格式不完整，请重新拍照上传')
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError('UPLOAD_DIMENSIONS')
  }
}
