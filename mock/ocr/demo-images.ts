// The two ID-card photos the mock OCR recognises (王芳's card, front and back): simple drawings,
// generated once per process. Their sha256 is what recognition matches on.
import crypto from 'node:crypto'
import { Raster, type Rgb } from './png'

export type CardSide = 'front' | 'back'

const W = 344
const H = 216
const CARD: Rgb = [232, 241, 245]
const INK: Rgb = [70, 80, 90]
const FAINT: Rgb = [150, 165, 175]

function blank(): Raster {
  return new Raster(W, H, [255, 255, 255]).rect(4, 4, W - 8, H - 8, FAINT).rect(6, 6, W - 12, H - 12, CARD)
}

/** Bars standing in for lines of text: [x, y, length]. */
function lines(r: Raster, bars: [number, number, number][], color: Rgb = INK): Raster {
  for (const [x, y, len] of bars) r.rect(x, y, len, 7, color)
  return r
}

function front(): Raster {
  const r = blank()
  lines(r, [[24, 30, 70], [24, 56, 40], [84, 56, 30], [24, 82, 110], [24, 108, 150], [24, 124, 120]])
  r.rect(236, 28, 84, 104, [214, 224, 230]).circle(278, 66, 20, FAINT).rect(250, 92, 56, 40, FAINT)
  return lines(r, [[24, 176, 60], [100, 176, 220]])
}

function back(): Raster {
  const r = blank().circle(50, 52, 28, [200, 40, 40]).circle(50, 52, 10, [250, 210, 60])
  lines(r, [[100, 36, 200], [100, 62, 160]], [200, 40, 40])
  return lines(r, [[40, 150, 60], [116, 150, 180], [40, 176, 60], [116, 176, 170]])
}

const cache = new Map<CardSide, { png: Buffer; sha256: string }>()

/** The demo image of one side, with its sha256 (hex). */
export function demoIdCardImage(side: CardSide): { png: Buffer; sha256: string } {
  let image = cache.get(side)
  if (!image) {
    const png = (side === 'front' ? front() : back()).toPng()
    image = { png, sha256: crypto.createHash('sha256').update(png).digest('hex') }
    cache.set(side, image)
  }
  return image
}
