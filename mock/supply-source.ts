// The supply settings (township → enterprise, per-stage default limits): the bundled defaults with the override
// file applied, read and checked once at start (a bad file stops the start, naming each problem). Each distinct
// settings is stored once in supply_settings and every application records the one it was submitted under, so
// a later change applies to new cases only.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { applySupplyOverride, BUNDLED_SUPPLY_SETTINGS, withStageLimits, type SupplySettings } from '../src/core/supply-settings'
import { serviceByCode, type Service } from '../src/core/services'
import type { Db } from './db/open'

/** The settings from an override file (none: the bundled ones), or the problems that make the file unusable. */
export function readSupplySettings(file: string): { settings?: SupplySettings; problems: string[] } {
  if (!fs.existsSync(file)) return { settings: BUNDLED_SUPPLY_SETTINGS, problems: [] }
  let content: unknown
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    return { problems: [`${file} 不是有效的 JSON（${err instanceof Error ? err.message : String(err)}）`] }
  }
  const { settings, problems } = applySupplyOverride(BUNDLED_SUPPLY_SETTINGS, content)
  return { settings, problems: problems.map((p) => `${file}：${p}`) }
}

interface Current {
  id: number
  settings: SupplySettings
}

const current = new WeakMap<Db, Current>()
/** settings id -> service code -> the service with that settings' limits, per database */
const services = new WeakMap<Db, Map<number, Map<string, Service>>>()

/** The id of `settings` in this database's supply_settings, adding it the first time. */
function settingsId(db: Db, settings: SupplySettings, at: Date): number {
  const json = JSON.stringify(settings)
  const hash = crypto.createHash('sha256').update(json).digest('hex')
  db.prepare('INSERT OR IGNORE INTO supply_settings (hash, settings_json, first_used_at) VALUES (?, ?, ?)').run(hash, json, at.toISOString())
  return (db.prepare('SELECT id FROM supply_settings WHERE hash = ?').pluck().get(hash) as number)
}

/** The settings new cases of this database are submitted under (the bundled ones unless the server was given others). */
export function useSupplySettings(db: Db, settings: SupplySettings, at: Date): void {
  current.set(db, { id: settingsId(db, settings, at), settings })
}

export function currentSupply(db: Db): Current {
  const hit = current.get(db)
  if (hit) return hit
  useSupplySettings(db, BUNDLED_SUPPLY_SETTINGS, new Date())
  return current.get(db) as Current
}

export function storedSettings(db: Db, id: number): SupplySettings {
  const json = db.prepare('SELECT settings_json FROM supply_settings WHERE id = ?').pluck().get(id) as string | undefined
  if (!json) throw new Error(`supply settings ${id} not found`)
  return JSON.parse(json) as SupplySettings
}

/**
 * The service as a case submitted under settings `id` knows it (its stage limits then); `null`: a case from
 * before settings were recorded, under the bundled defaults.
 */
export function serviceUnder(db: Db, code: string, id: number | null): Service | undefined {
  const service = serviceByCode(code)
  if (!service || id === null) return service
  let byId = services.get(db)
  if (!byId) services.set(db, (byId = new Map()))
  let byCode = byId.get(id)
  if (!byCode) byId.set(id, (byCode = new Map()))
  let limited = byCode.get(code)
  if (!limited) byCode.set(code, (limited = withStageLimits(service, storedSettings(db, id).stageLimits[service.code])))
  return limited
}
