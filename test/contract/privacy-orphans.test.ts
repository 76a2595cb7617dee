// Documents nobody refers to any more (an abandoned OCR attempt, the photos of a draft never saved) are deleted
// (uploads after ORPHAN_UPLOAD_HOURS, materials after ORPHAN_AGE_DAYS), rows and files; whatever a draft, an application, a 补正 or a checkpoint refers to stays.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi } from '../../src/lib/http/client'
import { ORPHAN_AGE_DAYS, ORPHAN_UPLOAD_HOURS, sweepOrphans } from '../../mock/applications/sweep-orphans'
import { owner, applyShop, type Owner } from './support/progress-fixtures'
import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, makeClock, newDraft, shopAnswers } from './support/fixtures'
import { demoImage, sample, uploaded } from './support/licence-fixtures'

const clock = makeClock('2026-11-26T02:00:00Z')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-privacy-orphans-'))
const uploadsDir = path.join(dir, 'uploads')
let s: InProcess
let li: Owner
beforeAll(async () => {
  s = await startInProcess({ now: clock.now, uploadsDir })
  li = await owner(s, DEMO.li)
})
afterAll(async () => { await s.close(); fs.rmSync(dir, { recursive: true, force: true }) })

const kept = (table: 'upload' | 'material', id: string) => s.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined
const onDisk = (id: string) => fs.existsSync(path.join(uploadsDir, id))
const DAY = 86_400_000
const HOUR = 3_600_000

describe('privacy: documents nobody refers to', () => {
  it(`should delete unreferenced uploads after ${ORPHAN_UPLOAD_HOURS} hours and photo materials after ${ORPHAN_AGE_DAYS} days, and keep everything a draft or an application refers to`, async () => {
    // an ID photo recognised and then abandoned: a material holding the ID number, and its two uploads
    const front = await uploaded(s, li, await demoImage(s, 'front'))
    const back = await uploaded(s, li, await demoImage(s, 'back'))
    const abandoned = (await callApi('photoIdCard', { body: { frontUploadId: front, backUploadId: back } }, li.client)).materialId
    const stray = await uploaded(s, li, sample('jpeg', 'stray'), 'stray.jpg')
    // a submitted application (authorised e-licences) and a draft in progress holding its agent's letter
    const number = await applyShop(li)
    const letter = await uploaded(s, li, sample('pdf', 'letter'), 'letter.pdf')
    const answers = shopAnswers(li)
    await newDraft(li, { ...answers, applicant: { ...answers.applicant, role: 'agent', agentLetterUploadId: letter } })

    // the stray upload nothing refers to goes within hours; the material's photos stay with the material
    clock.advance(ORPHAN_UPLOAD_HOURS * HOUR - 60_000)
    expect(sweepOrphans({ db: s.db, uploadsDir, now: clock.now })).toEqual({ materials: 0, uploads: 0 })
    clock.advance(2 * 60_000)
    expect(sweepOrphans({ db: s.db, uploadsDir, now: clock.now })).toEqual({ materials: 0, uploads: 1 })
    expect([kept('upload', stray), onDisk(stray), kept('upload', front), onDisk(back)]).toEqual([false, false, true, true])

    clock.advance((ORPHAN_AGE_DAYS - 1) * DAY)
    expect(sweepOrphans({ db: s.db, uploadsDir, now: clock.now })).toEqual({ materials: 0, uploads: 0 })

    clock.advance(2 * DAY)
    expect(sweepOrphans({ db: s.db, uploadsDir, now: clock.now })).toEqual({ materials: 1, uploads: 2 })
    for (const id of [front, back, stray]) expect([id, kept('upload', id), onDisk(id)]).toEqual([id, false, false])
    expect(kept('material', abandoned)).toBe(false)
    expect([kept('upload', letter), onDisk(letter)]).toEqual([true, true])
    expect(kept('material', li.idCard) && kept('material', li.property)).toBe(true)
    const submitted = JSON.parse((s.db.prepare('SELECT answers_json FROM application WHERE number = ?').get(number) as { answers_json: string }).answers_json) as
      ReturnType<typeof shopAnswers>
    expect([submitted.materials.idCard.materialId, submitted.materials.property?.materialId]).toEqual([li.idCard, li.property])
    expect(sweepOrphans({ db: s.db, uploadsDir, now: clock.now })).toEqual({ materials: 0, uploads: 0 })
  })
})
