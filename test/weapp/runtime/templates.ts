import fs from 'node:fs'
import path from 'node:path'
import type { RNode } from './page-data'

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

/** How base.wxml picks the template level a node is drawn at (Taro's utils.wxs, function `a`). */
export interface TemplateLevels {
  /** node kinds drawn at their nesting depth (a view in a view goes one level down) */
  byDepth: Set<string>
  /** node kinds drawn at the number of ancestors of their own kind (a text in a text) */
  bySameKind: Set<string>
  /** the level from which a node is drawn through Taro's recursive `comp` component instead (mini.baseLevel - 1) */
  throughComp: number
}

export function readTemplateLevels(weappDir: string): TemplateLevels {
  const wxs = fs.readFileSync(path.join(weappDir, 'utils.wxs'), 'utf8')
  const pick = (re: RegExp) => {
    const m = re.exec(wxs)
    if (!m) throw new Error(`utils.wxs no longer matches ${String(re)}: Taro changed how it picks template levels`)
    return m[1]
  }
  const kinds = (name: string) => new Set(JSON.parse(pick(new RegExp(`var ${name} = (\\[[^\\]]*\\])`))) as string[])
  return { byDepth: kinds('a'), bySameKind: kinds('b'), throughComp: Number(pick(/if \(l >= (\d+)\) \{\s*return 'tmpl_\d+_container'/)) }
}

/** The deepest template level any node of the tree is drawn at (root's children are at level 0). */
export function deepestLevel(root: RNode, levels: TemplateLevels): number {
  let deepest = 0
  const visit = (node: RNode, depth: number, sameKindChain: string[]) => {
    for (const child of node.cn ?? []) {
      if (!child) continue
      const level = !levels.byDepth.has(child.nn) ? 0
        : levels.bySameKind.has(child.nn) ? sameKindChain.filter((k) => k === child.nn).length : depth
      deepest = Math.max(deepest, level)
      visit(child, depth + 1, levels.bySameKind.has(child.nn) ? [...sameKindChain, child.nn] : sameKindChain)
    }
  }
  visit(root, 0, [])
  return deepest
}

/**
 * Node kinds in the tree that base.wxml has no template for. `xs.a` names a template `tmpl_<level>_<nn>` for any
 * kind; where none exists WeChat draws nothing, neither the node nor anything inside it (an HTML `tr` that
 * @tarojs/plugin-html leaves as `tr`, say). Kinds are reported once, in document order.
 */
export function undrawnKinds(root: RNode, kinds: Map<string, NodeKind>): string[] {
  const undrawn = new Set<string>()
  const visit = (node: RNode) => {
    for (const child of node.cn ?? []) {
      if (!child) continue
      if (!kinds.has(child.nn)) undrawn.add(child.nn)
      else visit(child)
    }
  }
  visit(root)
  return [...undrawn]
}
