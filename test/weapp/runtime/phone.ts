import fs from 'node:fs'
import path from 'node:path'
import { ServiceThread } from './service-thread'
import { Finger } from './finger'
import { readNodeKinds, type NodeKind } from './templates'
import { consentInWebView } from './web-view'
import { CURRENT_BASE_LIBRARY } from './base-library'

export const WEAPP_DIR = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp')
const ROOT = path.resolve(__dirname, '..', '..', '..')

/**
 * The oldest base library the app supports: project.config.json's `libVersion` (what WeChat DevTools runs it
 * on; the same figure is set as 最低基础库版本 in the mini-program's admin console, see README).
 */
export function minimumBaseLibrary(): string {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { libVersion?: string }
  if (!config.libVersion) throw new Error('project.config.json declares no libVersion (the minimum base library)')
  return config.libVersion
}

/** The base libraries every runtime test runs at: a current phone and the oldest one supported. */
export const BASE_LIBRARIES = [CURRENT_BASE_LIBRARY, minimumBaseLibrary()]

let kinds: Map<string, NodeKind> | undefined

/** A phone with the mini-program installed: its service thread, and a finger to tap and type. */
export class Phone {
  readonly thread: ServiceThread
  readonly finger: Finger
  readonly kinds: Map<string, NodeKind>

  constructor(readonly serverUrl: string, readonly version: string, opts: { storage?: Map<string, unknown>; fontSizeSetting?: number } = {}) {
    if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) throw new Error(`no weapp build in ${WEAPP_DIR}: run npm run build:weapp`)
    kinds ??= readNodeKinds(WEAPP_DIR)
    this.kinds = kinds
    this.thread = new ServiceThread({ weappDir: WEAPP_DIR, serverUrl, version, ...opts })
    this.finger = new Finger(this.thread, this.kinds)
  }

  /** The route of the page on top. */
  get at(): string {
    return this.thread.top().route
  }

  get screen(): string {
    return this.finger.screen()
  }

  /** A person's action, then everything it sets off (requests, timers) runs to rest. */
  async act(action: () => void): Promise<void> {
    action()
    await this.thread.idle()
  }

  async tap(text: string): Promise<void> {
    await this.act(() => this.finger.tap(text))
  }

  async tapRole(role: string, name: string): Promise<void> {
    await this.act(() => this.finger.tapRole(role, name))
  }

  async type(label: string, value: string): Promise<void> {
    await this.act(() => this.finger.type(label, value))
  }

  /** From the start page, 我要申请办电 and the 渝快办 sign-in in its web-view, up to the separate consent. */
  async signInWithYkb(identity: string): Promise<void> {
    await this.tap('我要申请办电')
    // applying goes straight to 渝快办; from a sign-in page (a link, a WeChat user binding) it is one more tap
    if (this.at === 'packages/account/pages/login/index') await this.tap('使用渝快办授权登录')
    if (this.at !== 'packages/account/pages/ykb-webview/index') throw new Error(`expected the 渝快办 web-view, at ${this.at}`)
    await consentInWebView(this.thread, this.kinds, this.serverUrl, identity)
  }

  close(): void {
    this.thread.close()
  }
}
