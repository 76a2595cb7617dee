/** A node of the tree Taro keeps in page data (`root.cn[...]`): what the view layer renders. */
export interface RNode {
  /** node kind (an alias number as a string; see templates.ts) */
  nn: string
  sid: string
  uid?: string
  cn?: RNode[]
  /** text of a text node */
  v?: string
  [prop: string]: unknown
}

/** Bytes of the JSON WeChat sends to the view layer for one setData. */
export function byteSize(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8')
}

/** `root.cn.[0].cn[2].v` → ['root', 'cn', 0, 'cn', 2, 'v'], as WeChat reads setData keys. */
export function parsePath(key: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const m of key.matchAll(/\[(\d+)\]|[^.[\]]+/g)) parts.push(m[1] !== undefined ? Number(m[1]) : m[0])
  return parts
}

/** Applies one setData to `target` as WeChat does: each key a path, missing objects and arrays created. */
export function applySetData(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    const parts = parsePath(key)
    let at: Record<string | number, unknown> = target
    for (let i = 0; i < parts.length - 1; i++) {
      const next = at[parts[i]]
      if (next === null || typeof next !== 'object') at[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {}
      at = at[parts[i]] as Record<string | number, unknown>
    }
    at[parts[parts.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value))
  }
}

export function rootOf(data: Record<string, unknown>): RNode {
  return (data.root ?? { nn: 'root', sid: 'root', cn: [] }) as RNode
}

/** Every node with its ancestors (outermost first), in document order. */
export function* walk(node: RNode, ancestors: RNode[] = []): Generator<{ node: RNode; ancestors: RNode[] }> {
  yield { node, ancestors }
  for (const child of node.cn ?? []) if (child) yield* walk(child, [...ancestors, node])
}

export function countNodes(data: Record<string, unknown>): number {
  return [...walk(rootOf(data))].length - 1
}

/** The text a node renders, its descendants' text joined. */
export function textOf(node: RNode): string {
  let s = ''
  for (const { node: n } of walk(node)) if (typeof n.v === 'string') s += n.v
  return s
}
