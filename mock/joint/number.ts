import type { Db } from '../db/open'
import { nextDailyNumber } from '../applications/number'

/** The next 一件事 number: YJ + China date yyyymmdd + a 6-digit daily sequence, e.g. YJ20261205000001. */
export const nextJointNumber = (db: Db, at: Date): string => nextDailyNumber(db, 'joint_application', 'YJ', at)

export const JOINT_NUMBER = /^YJ\d{14}$/
