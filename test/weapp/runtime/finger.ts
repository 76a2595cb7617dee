import type { ServiceThread, PageInstance } from './service-thread'
import { rootOf, textOf, walk, type RNode } from './page-data'
import type { NodeKind } from './templates'

interface Found {
  node: RNode
  ancestors: RNode[]
}

/**
 * What a person does on the phone, turned into the events WeChat's view layer sends to the service thread: a
 * tap on what shows some text bubbles up from the innermost element, and every element on the way whose WXML
 * template binds the event to `eh` gets its own call (a `catch` binding stops there), as in WeChat.
 */
export class Finger {
  constructor(private readonly thread: ServiceThread, private readonly kinds: Map<string, NodeKind>) {}

  /** All the text the top page renders. */
  screen(page: PageInstance = this.thread.top()): string {
    return textOf(rootOf(page.data))
  }

  /** Elements whose own text is exactly `text` (trimmed), in document order; else those containing it. */
  find(text: string, page: PageInstance = this.thread.top()): Found[] {
    const exact: Found[] = []
    const partial: Found[] = []
    for (const f of walk(rootOf(page.data))) {
      if (typeof f.node.v !== 'string') continue
      // the element that shows the text: a text node is not itself a target
      const parent = f.ancestors[f.ancestors.length - 1]
      const hit = { node: parent, ancestors: f.ancestors.slice(0, -1) }
      if (f.node.v.trim() === text) exact.push(hit)
      else if (f.node.v.includes(text)) partial.push(hit)
    }
    return exact.length ? exact : partial
  }

  /** Taps what shows `text` (the `nth` match); throws when nothing shows it or nothing handles the tap. */
  tap(text: string, nth = 0): void {
    const found = this.find(text)[nth]
    if (!found) throw new Error(`nothing shows "${text}" on ${this.thread.top().route}:\n${this.screen()}`)
    this.fire(found, 'tap', { x: 10, y: 10 })
  }

  /** Taps the element with this accessibility role and name (aria-label, else its text). */
  tapRole(role: string, name: string): void {
    const page = this.thread.top()
    const withRole = [...walk(rootOf(page.data))].filter((f) => f.node.role === role)
    const named = (f: Found) => String(f.node.ariaLabel ?? textOf(f.node)).trim()
    const hit = withRole.find((f) => named(f) === name) ?? withRole.find((f) => named(f).includes(name))
    if (hit) return this.fire(hit, 'tap', { x: 10, y: 10 })
    throw new Error(`no ${role} "${name}" on ${page.route}:\n${this.screen()}`)
  }

  /** Types `value` into the input whose placeholder or label text is `label` (as WeChat: one input event). */
  type(label: string, value: string): void {
    const page = this.thread.top()
    const input = this.inputs(page).find((f) => f.label.startsWith(label)) ?? this.inputs(page).find((f) => f.label.includes(label))
    if (!input) throw new Error(`no input labelled "${label}" on ${page.route}; inputs: ${this.inputs(page).map((i) => i.label).join(' | ')}`)
    this.fire(input, 'input', { value, cursor: value.length, keyCode: 0 })
    this.fire(input, 'blur', { value })
  }

  /** The inputs of the page with what identifies them to a person (placeholder, aria label, or the text before). */
  inputs(page: PageInstance): (Found & { label: string })[] {
    const out: (Found & { label: string })[] = []
    let lastText = ''
    for (const f of walk(rootOf(page.data))) {
      if (typeof f.node.v === 'string' && f.node.v.trim()) lastText = f.node.v.trim()
      const kind = this.kinds.get(f.node.nn)
      if (kind?.tag !== 'input' && kind?.tag !== 'textarea') continue
      const aria = (f.node.nativeProps as Record<string, unknown> | undefined)?.['aria-label']
      const props = Object.values(f.node).filter((v): v is string => typeof v === 'string' && v.length > 1 && !/^_/.test(v))
      out.push({ ...f, label: [aria, ...props, lastText].filter(Boolean).join(' ') })
    }
    return out
  }

  /** Sends one view-layer event up the path from `found`, to every element bound to it. */
  fire(found: Found, type: string, detail: Record<string, unknown>): void {
    const page = this.thread.top()
    const chain = [found.node, ...[...found.ancestors].reverse()].filter((n) => n && n.sid && n.nn)
    const target = { id: found.node.uid ?? found.node.sid, dataset: { sid: found.node.sid }, offsetLeft: 0, offsetTop: 0 }
    const timeStamp = this.thread.clock.now
    let handled = false
    for (const n of chain) {
      const binding = this.kinds.get(n.nn)?.events[type]
      if (!binding) continue
      handled = true
      const currentTarget = { id: n.uid ?? n.sid, dataset: { sid: n.sid }, offsetLeft: 0, offsetTop: 0 }
      this.thread.dispatch(page, 'eh', { type, timeStamp, detail: { ...detail }, target, currentTarget, mark: {}, touches: [], changedTouches: [], mut: false })
      if (binding === 'catch') break
    }
    if (!handled) throw new Error(`no element on the path of "${textOf(found.node)}" binds ${type} on ${page.route}`)
  }
}
