// The township → enterprise split and the per-stage limits are configuration (SUPPLY_OVERRIDE): checked at start,
// served to the app, and applied to new cases only.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { InProcess } from './support/in-process'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'
import { applySupplyOverride, BUNDLED_SUPPLY_SETTINGS, type SupplySettings } from '../../src/core/supply-settings'
import { ConfigError, configFromEnv } from '../../mock/config'
import { useSupplySettings } from '../../mock/supply-source'

const suite = progressSuite()
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const LONGJU = '500101151'
const OVERRIDE = { suppliers: { 龙驹镇: 'sanxia' }, stageLimits: { 'lv-business': { 'accept-sign': 2, 'build-connect': 5 } } }
const configured = applySupplyOverride(BUNDLED_SUPPLY_SETTINGS, OVERRIDE).settings as SupplySettings
const detail = (number: string) => callApi('applicationDetail', { params: { number } }, li.client)
const lvLimits = async () => (await callApi('services', {}, s.client)).services.find((x) => x.code === 'lv-business')?.stages.map((st) => st.limitDays)

describe('supply settings', () => {
  it('should apply a new split and new limits to new cases only, each case keeping what it was submitted under', async () => {
    const before = await applyShop(li, LONGJU)
    expect(await lvLimits()).toEqual([1, 6])

    useSupplySettings(s.db, configured, suite.clock.now()) // as a restart with the override file would
    expect(await lvLimits()).toEqual([2, 5])
    const townships = (await callApi('townships', {}, s.client)).townships
    expect(townships.find((t) => t.code === LONGJU)?.supplier).toBe('sanxia')
    const after = await applyShop(li, LONGJU)

    const [old, fresh] = [await detail(before), await detail(after)]
    expect(old.supplierName).toBe('国网万州供电分公司')
    expect(old.stages.map((st) => st.limitDays)).toEqual([1, 6])
    expect(fresh.supplierName).toBe('三峡水利')
    expect(fresh.stages.map((st) => st.limitDays)).toEqual([2, 5])
    expect(fresh.process.limitDays).toBe(7)
    const stored = s.db.prepare('SELECT number, settings_id FROM application WHERE number IN (?, ?) ORDER BY number').all(before, after) as { settings_id: number }[]
    expect(new Set(stored.map((r) => r.settings_id)).size).toBe(2)
    expect(s.db.prepare('SELECT COUNT(*) FROM supply_settings').pluck().get()).toBe(2)
  })
})

describe('SUPPLY_OVERRIDE at start', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-supply-'))
  const file = path.join(dir, 'supply-override.json')
  const start = (content: string) => {
    fs.writeFileSync(file, content)
    return () => configFromEnv({ ...process.env, DATA_DIR: dir, SUPPLY_OVERRIDE: file }, 'demo')
  }

  it('should use the bundled settings when there is no file, and the file\'s when there is one', () => {
    expect(configFromEnv({ ...process.env, DATA_DIR: dir, SUPPLY_OVERRIDE: '' }, 'demo').supply).toEqual(BUNDLED_SUPPLY_SETTINGS)
    expect(start(JSON.stringify(OVERRIDE))().supply).toEqual(configured)
  })

  it('should refuse to start on a file that is not JSON, naming the setting and the file', () => {
    expect(start('{ suppliers: ')).toThrow(ConfigError)
    expect(start('{ suppliers: ')).toThrow(/SUPPLY_OVERRIDE: .*supply-override\.json 不是有效的 JSON/)
  })

  it('should refuse to start on a bad file, naming every problem', () => {
    try {
      start(JSON.stringify({ suppliers: { 长滩: 'sanxia' }, stageLimits: { resident: { 'accept-sign': 0 } } }))()
      throw new Error('should have refused')
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).problems).toEqual([
        { setting: 'SUPPLY_OVERRIDE', message: expect.stringContaining('suppliers.长滩：不是万州区的乡镇（街道）代码或全称') },
        { setting: 'SUPPLY_OVERRIDE', message: expect.stringContaining('stageLimits.resident.accept-sign：应为1到60之间的整数') },
      ])
    }
  })
})
