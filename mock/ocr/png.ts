// A tiny PNG encoder (8-bit RGB, no interlace) for the mock's generated demo images; node:zlib only.
import zlib from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

export type Rgb = [number, number, number]

/** A width × height RGB raster with a few drawing primitives. */
export class Raster {
  readonly pixels: Buffer

  constructor(readonly width: number, readonly height: number, background: Rgb) {
    this.pixels = Buffer.alloc(width * height * 3)
    this.rect(0, 0, width, height, background)
  }

  rect(x: number, y: number, w: number, h: number, color: Rgb): this {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.pixels.set(color, (j * this.width + i) * 3)
    }
    return this
  }

  circle(cx: number, cy: number, r: number, color: Rgb): this {
    for (let j = cy - r; j <= cy + r; j++) {
      for (let i = cx - r; i <= cx + r; i++) {
        if ((i - cx) ** 2 + (j - cy) ** 2 <= r * r && i >= 0 && j >= 0 && i < this.width && j < this.height) {
          this.pixels.set(color, (j * this.width + i) * 3)
        }
      }
    }
    return this
  }

  /** PNG bytes: each scan line with filter 0, deflated at a fixed level so the output is deterministic. */
  toPng(): Buffer {
    const stride = this.width * 3
    const raw = Buffer.alloc((stride + 1) * this.height)
    for (let y = 0; y < this.height; y++) this.pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride)
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(this.width, 0)
    ihdr.writeUInt32BE(this.height, 4)
    ihdr.set([8, 2, 0, 0, 0], 8)
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
    ])
  }
}
