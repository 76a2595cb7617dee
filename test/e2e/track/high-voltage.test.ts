import fs from 'node:fs'
import type { Page } from 'playwright-core'
import type { Journey } from '../support/journey'
import { newJourney, pickFile, scratchDir, visibleText } from '../journey/support'
import {
  advance, appCard, clock, currentPage, elementShot, pdfFile, pickerFor, stageStates, submitHighVoltage, useTrackEnv, waitForPage,
} from './support'

jest.setTimeout(420_000)
const env = useTrackEnv()

const LEAD = '请上传以下材料，供电企业收到后开始检验。'

/** The 10 kV checkpoints and what each asks for (domain reference, section 3). */
const CHECKPOINTS = [
  { name: '设计审查', materials: ['设计单位资质证明材料', '用电工程设计及说明书'] },
  { name: '中间检查', materials: ['施工单位资质证明材料', '隐蔽工程施工及试验记录'] },
  { name: '竣工检验', materials: ['工程竣工报告'] },
]

/** One push by the CLI, then the open detail page showing its history line (it refreshes itself). */
async function push(page: Page, number: string, pushed: string, shows: string): Promise<void> {
  expect(await advance(env(), number)).toBe(pushed)
  await waitForPage(page, shows, (t) => t.includes(shows))
}

/** At a running checkpoint: the upload card asks for exactly its materials; one PDF each, then submit. */
async function uploadCheckpoint(j: Journey, dir: string, checkpoint: (typeof CHECKPOINTS)[number]): Promise<void> {
  const { page } = j
  const box = appCard(page, '上传本环节材料')
  await box.waitFor()
  expect(await box.locator('.app-card__line').allInnerTexts()).toEqual([LEAD, ...checkpoint.materials])
  expect(await box.locator('.file-picker').count()).toBe(checkpoint.materials.length)
  await j.snap(`${checkpoint.name}-asked`)

  // submitting with a material missing is stopped in the card, naming what is missing
  await j.tap(box.locator('taro-button-core, .taro-button-core, button', { hasText: '提交材料' }).first())
  await box.locator('[role=alert]', { hasText: `还缺：${checkpoint.materials.join('、')}` }).waitFor()

  for (const [i, name] of checkpoint.materials.entries()) {
    await pickFile(j, pickerFor(box, name), pdfFile(dir, `${checkpoint.name}-${i + 1}.pdf`))
    await box.locator('.file-picker').nth(i).getByText('✓ 已上传1份').waitFor()
  }
  await j.snap(`${checkpoint.name}-chosen`)
  await j.tap(box.locator('taro-button-core, .taro-button-core, button', { hasText: '提交材料' }).first())
  await waitForPage(page, `${checkpoint.name} materials stored`, (t) => t.includes(`已上传${checkpoint.name}材料`), 15_000)
  // the form gives way to a confirmation: nothing to send twice
  await appCard(page, `已提交${checkpoint.name}材料`).waitFor()
  expect(await box.count()).toBe(0)
  await j.snap(`${checkpoint.name}-submitted`)
}

describe('10 kV case through 外部工程实施 and its checkpoints', () => {
  it('should ask at each checkpoint for exactly its materials, take one PDF for each, and reach completion', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'track-hv')
    const dir = scratchDir()
    const number = await submitHighVoltage(j, dir)
    expect(number).toMatch(/^WZ\d{14}$/)

    await j.tap('查看办理进度')
    await j.at('高压新装（10千伏）', { count: false })
    expect(await clock(page).innerText()).toContain('承诺平均≤28个工作日')
    expect(await stageStates(page)).toEqual({ 申请受理: '进行中', 供电方案答复: '未开始', 外部工程实施: '未开始', 装表接电: '未开始' })
    expect(await visibleText(page)).not.toContain('《低压供用电合同》')
    expect(await appCard(page, '上传本环节材料').count()).toBe(0)
    await j.snap('submitted')

    await push(page, number, '完成环节：申请受理', '申请受理 完成')
    await push(page, number, '开始环节：供电方案答复', '供电方案答复 开始')
    await push(page, number, '完成环节：供电方案答复', '供电方案答复 完成')
    await push(page, number, '开始环节：外部工程实施', '外部工程实施 开始')
    expect(await appCard(page, '上传本环节材料').count()).toBe(0)

    for (const [i, checkpoint] of CHECKPOINTS.entries()) {
      await push(page, number, `开始环节：${checkpoint.name}`, `${checkpoint.name} 开始`)
      const states = await stageStates(page)
      expect(states[checkpoint.name]).toBe('进行中')
      expect(states['外部工程实施']).toBe('进行中')
      // only the checkpoints that have started are listed
      expect(Object.keys(states)).toEqual(['申请受理', '供电方案答复', '外部工程实施', ...CHECKPOINTS.slice(0, i + 1).map((c) => c.name), '装表接电'])
      await uploadCheckpoint(j, dir, checkpoint)
      await push(page, number, `完成环节：${checkpoint.name}`, `${checkpoint.name} 完成`)
      expect((await stageStates(page))[checkpoint.name]).toBe('已完成')
      expect(await appCard(page, '上传本环节材料').count()).toBe(0)
      expect(await appCard(page, `已提交${checkpoint.name}材料`).count()).toBe(0)
    }

    const stages = currentPage(page).locator('.stages')
    expect(await stages.locator('.stage--nested').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(
      ['设计审查，已完成', '中间检查，已完成', '竣工检验，已完成'])
    await elementShot(page, stages, 'track-hv-stage-list-with-checkpoints')

    await push(page, number, '完成环节：外部工程实施', '外部工程实施 完成')
    await push(page, number, '开始环节：装表接电', '装表接电 开始')
    await push(page, number, '完成环节：装表接电', '装表接电 完成')
    await push(page, number, '办结', '已办结：已送电，办结')
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：已办结')
    expect(await stageStates(page)).toEqual({
      申请受理: '已完成', 供电方案答复: '已完成', 外部工程实施: '已完成', 设计审查: '已完成', 中间检查: '已完成', 竣工检验: '已完成', 装表接电: '已完成',
    })
    const text = await visibleText(page)
    for (const c of CHECKPOINTS) expect(text).toContain(`已上传${c.name}材料`)
    expect(text).toContain('评价本次服务（好差评）')
    expect(text).not.toContain('撤回申请')
    await j.snap('completed')

    expect(problems).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })
})
