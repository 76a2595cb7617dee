import { startInProcess, type InProcess } from '../contract/support/in-process'
import { advanceCase } from '../../mock/cli/advance-case'
import { CURRENT_BASE_LIBRARY } from './runtime/base-library'
import { Phone } from './runtime/phone'
import { applyByTaps } from './runtime/apply-journey'

/**
 * How soon a step the supply enterprise pushes shows on an open 我的申请 detail page, in the thread's virtual
 * time (the page polls politely: after 5 s, backing off ×2 to a minute while nothing changes).
 */
describe('an open detail page in the weapp build', () => {
  let server: InProcess
  beforeAll(async () => { server = await startInProcess() })
  afterAll(async () => { await server.close() })

  /** Lets virtual time pass half a second at a time until the screen changes; the virtual ms it took. */
  async function untilChanged(phone: Phone, limitMs: number): Promise<number> {
    const before = phone.screen
    const start = phone.thread.clock.now
    while (phone.screen === before) {
      if (phone.thread.clock.now - start > limitMs) throw new Error(`no change on the detail page within ${limitMs / 1000} s`)
      await phone.thread.idle(500)
    }
    return phone.thread.clock.now - start
  }

  it('should show a pushed step within the first poll, and within a minute however long the page has been open', async () => {
    const phone = new Phone(server.url, CURRENT_BASE_LIBRARY)
    await phone.thread.launch()
    const { number } = await applyByTaps(phone)
    const opened = phone.thread.clock.now
    await phone.tap('查看办理进度')
    expect(phone.at).toBe('packages/track/pages/detail/index')
    const push = () => advanceCase({ db: server.db, base: server.url, number })

    const pushedAfter = phone.thread.clock.now - opened
    await push()
    const fresh = await untilChanged(phone, 70_000)
    const requests0 = phone.thread.setDataCalls.length
    await phone.thread.idle(120_000) // two quiet minutes: the polls back off
    const quietRenders = phone.thread.setDataCalls.length - requests0
    await push()
    const later = await untilChanged(phone, 70_000)
    process.stdout.write(`detail page: a push ${pushedAfter / 1000} s after it opened showed ${fresh / 1000} s later; a push after two quiet minutes (${quietRenders} re-renders meanwhile) showed ${later / 1000} s later\n`)
    expect(pushedAfter + fresh).toBeLessThanOrEqual(5_000)
    expect(later).toBeLessThanOrEqual(60_000)
    expect(quietRenders).toBe(0)
    expect(phone.thread.errors).toEqual([])
    phone.close()
  })
})
