import type { Page, Locator } from 'playwright-core'
import { screenshot } from './browser'

/**
 * Drives the applicant journey like a person on a phone (taps, typing) and counts what it costs them:
 * screens passed from service choice to the result page, and characters typed.
 */
export class Journey {
  screens: string[] = []
  typed = 0
  private shot = 0

  /** `mouse` drives a desktop browser (no touch): every tap becomes a click. */
  constructor(public page: Page, readonly name: string, readonly pointer: 'touch' | 'mouse' = 'touch') {}

  /** Carries on in another page (the app closed and opened again), keeping the counts. */
  switchTo(page: Page): void {
    this.page = page
  }

  /** Waits for a journey page by its heading and records it (with a screenshot). */
  async at(title: string, opts: { count?: boolean } = {}): Promise<void> {
    await this.page.locator('[role="heading"]', { hasText: title }).filter({ visible: true }).first().waitFor({ timeout: 20_000 })
    if (opts.count !== false) this.screens.push(title)
    await this.snap(title)
  }

  async snap(label: string): Promise<void> {
    this.shot += 1
    await this.page.waitForTimeout(150)
    await screenshot(this.page, `${this.name}-${String(this.shot).padStart(2, '0')}-${label}`)
  }

  async tap(target: string | Locator): Promise<void> {
    const clickable = ':is(taro-button-core, .taro-button-core, button, a, [role=button], [role=radio], [role=checkbox], [role=link])'
    // Taro H5 keeps earlier pages of the stack in the DOM, hidden: only the visible page counts.
    const l = typeof target === 'string' ? this.page.locator(clickable, { hasText: target }).filter({ visible: true }).last() : target
    await l.waitFor({ state: 'visible', timeout: 15_000 })
    if (this.pointer === 'mouse') await l.click()
    else await l.tap()
  }

  async tapRole(role: 'radio' | 'button' | 'checkbox' | 'link', name: string): Promise<void> {
    await this.tap(this.page.getByRole(role, { name }).filter({ visible: true }).first())
  }

  /** Types into the input labelled `label`, counting the characters. */
  async type(label: string, text: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true }).filter({ visible: true }).first()
    await input.waitFor({ timeout: 10_000 })
    await input.fill(text)
    this.typed += [...text].length
  }

  async continue(label = '继续'): Promise<void> {
    await this.tap(this.page.locator('.step-page__continue', { hasText: label }).filter({ visible: true }).first())
  }

  report(): string {
    return `${this.name}: ${this.screens.length} screens (${this.screens.join(' → ')}), ${this.typed} characters typed`
  }
}
