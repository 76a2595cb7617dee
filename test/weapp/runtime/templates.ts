import fs from 'node:fs'
import path from 'node:path'

/** What the view layer knows of one node kind (Taro's `nn` alias): its WXML tag and the events it binds to `eh`. */
export interface NodeKind {
  tag: string
  /** event name → 'bind' (bubbles on) or 'catch' (stops there) */
  events: Record<string, 'bind' | 'catch'>
}

/**
 * Reads Taro's generated base.wxml: each `tmpl_0_<nn>` template renders one node kind. Which events reach the
 * service thread, and on which nodes, is decided here, by the WXML, exactly as WeChat's view layer decides it.
 */
export function readNodeKinds(weappDir: string): Map<string, NodeKind> {
  const wxml = fs.readFileSync(path.join(weappDir, 'base.wxml'), 'utf8')
  const kinds = new Map<string, NodeKind>()
  const re = /<template name="tmpl_0_([0-9]+)(?:_(?:focus|blur))?">\s*<([a-z-]+)([^>]*)>/g
  for (let m = re.exec(wxml); m; m = re.exec(wxml)) {
    const [, nn, tag, attrs] = m
    const kind = kinds.get(nn) ?? { tag, events: {} }
    // an input's template only picks its focus or blur variant: the variants hold the real tag
    if (kind.tag === 'template') kind.tag = tag
    for (const b of attrs.matchAll(/\b(bind|catch)([a-z]+)="eh"/g)) kind.events[b[2]] = b[1] as 'bind' | 'catch'
    kinds.set(nn, kind)
  }
  return kinds
}
