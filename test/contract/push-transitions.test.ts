import type { InProcess } from './support/in-process'
import { applyHv, applyShop, countRows, eventRows, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const counts = () => ['application_event', 'push_record', 'notification'].map((table) => countRows(s, table))

describe('push: impossible transitions are refused and nothing is stored', () => {
  it.each([
    ['finishing a stage not started', 'lv', [['stage-finish', 'build-connect']], '施工接电尚未开始，不能完成'],
    ['starting the next stage before the current one finished', 'lv', [['stage-start', 'build-connect']], '须先完成受理签约，才能开始施工接电'],
    ['starting a stage twice', 'lv', [['stage-start', 'accept-sign']], '受理签约已开始，不能重复开始'],
    ['a 10 kV checkpoint on a low-voltage case', 'lv', [['stage-start', 'design-review']], '低压非居民新装（小微企业）没有“design-review”环节'],
    ['a checkpoint before 外部工程实施 started', 'hv', [['stage-start', 'design-review']], '设计审查只能在外部工程实施进行中开始'],
    ['resuming without a pause', 'lv', [['resume']], '计时未暂停，不能恢复'],
    ['receiving a supplement nobody asked for', 'lv', [['supplement-receive']], '没有待补正的要求，不能记录收到补正材料'],
    ['completing before the last stage finished', 'lv', [['stage-finish', 'accept-sign'], ['complete']], '施工接电尚未完成，不能办结'],
  ] as const)('should answer PUSH_BAD_TRANSITION for %s', async (_label, kind, steps, message) => {
    const number = kind === 'lv' ? await applyShop(li) : await applyHv(s, li)
    const before = counts()
    const r = await push(s, clock, steps.map(([action, stage]) => rec(number, action, stage)))
    expect([r.code, r.status]).toEqual(['PUSH_BAD_TRANSITION', 422])
    expect(r.errors).toEqual([{ path: `records.${steps.length - 1}`, message }])
    expect(counts()).toEqual(before)
  })

  it('should refuse a checkpoint out of order inside 外部工程实施 (中间检查 before 设计审查)', async () => {
    const number = await applyHv(s, li)
    await walk(s, clock, number, 3) // apply-accept finished, supply-plan started and finished
    await walk(s, clock, number, 1) // external-works started
    const r = await push(s, clock, [rec(number, 'stage-start', 'mid-inspection')])
    expect(r.errors?.[0].message).toBe('须先完成设计审查，才能开始中间检查')
    const finish = await push(s, clock, [rec(number, 'stage-start', 'design-review'), rec(number, 'stage-finish', 'external-works')])
    expect(finish.errors).toEqual([{ path: 'records.1', message: '须先完成设计审查，才能完成外部工程实施' }])
  })

  it('should refuse any record on a completed case', async () => {
    const number = await applyShop(li)
    await walk(s, clock, number)
    const r = await push(s, clock, [rec(number, 'reject', undefined, { opinion: '重复申请' })])
    expect(r.errors).toEqual([{ path: 'records.0', message: '该办件已办结，不能再记录办理环节' }])
  })
})

describe('push: idempotency, batches, corrections', () => {
  it('should answer duplicate with the same event and store nothing when a recordId comes again', async () => {
    const number = await applyShop(li)
    const record = rec(number, 'stage-finish', 'accept-sign')
    const first = await push(s, clock, [record])
    const before = counts()
    const again = await push(s, clock, [record, { ...record, opinion: '内容不同也按同一记录处理' }])
    expect(again.data?.results).toEqual([
      { recordId: record.recordId, status: 'duplicate', eventId: first.data?.results[0].eventId },
      { recordId: record.recordId, status: 'duplicate', eventId: first.data?.results[0].eventId },
    ])
    expect(counts()).toEqual(before)
  })

  it('should store a valid batch in order and refuse the whole batch when its last record is impossible', async () => {
    const number = await applyShop(li)
    const before = counts()
    const refused = await push(s, clock, [rec(number, 'stage-finish', 'accept-sign'), rec(number, 'stage-start', 'build-connect'), rec(number, 'complete')])
    expect(refused.code).toBe('PUSH_BAD_TRANSITION')
    expect(counts()).toEqual(before)
    const ok = await push(s, clock, [rec(number, 'stage-finish', 'accept-sign'), rec(number, 'stage-start', 'build-connect'), rec(number, 'stage-finish', 'build-connect'), rec(number, 'complete')])
    expect(ok.data?.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored'])
    expect(eventRows(s, number).map((e) => e.type).slice(-4)).toEqual(['stage-finished', 'stage-started', 'stage-finished', 'completed'])
  })

  it('should record a correction as a new event that changes the derived handler and is marked in the timeline', async () => {
    const number = await applyShop(li)
    const original = rec(number, 'stage-finish', 'accept-sign', { handler: '张工', opinion: '已核验' })
    const stored = await push(s, clock, [original])
    const originalId = stored.data?.results[0].eventId
    clock.advance(3600_000)
    const fix = await push(s, clock, [rec(number, 'correct', undefined, { corrects: original.recordId, handler: '李工' })])
    expect(fix.data?.results[0].status).toBe('stored')
    const d = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(d.stages[0]).toMatchObject({ state: 'done', handler: '李工', opinion: '已核验', finishedAt: eventRows(s, number).find((e) => e.id === originalId)?.at })
    expect(d.timeline.slice(-2).map((t) => [t.text, t.corrects])).toEqual([['受理签约 完成：已核验（已更正）', null], ['更正：受理签约 完成：已核验', originalId]])
    const unknown = await push(s, clock, [rec(number, 'correct', undefined, { corrects: 'no-such-record' })])
    expect(unknown.errors).toEqual([{ path: 'records.0', message: '未找到被更正的记录' }])
  })

  it('should refuse a correction that would make the history impossible', async () => {
    const number = await applyShop(li)
    const finish = rec(number, 'stage-finish', 'accept-sign')
    await push(s, clock, [finish, rec(number, 'stage-start', 'build-connect')])
    const r = await push(s, clock, [rec(number, 'correct', undefined, { corrects: finish.recordId, stage: 'build-connect' })])
    expect(r.errors?.[0].message).toBe('施工接电尚未开始，不能完成')
  })
})
