// Compiled statements for the reads every detail, list and push repeats. Compiling a statement costs about as
// much as running one of these small indexed queries, so each is compiled once per connection and reused.
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'

const compiled = new WeakMap<Db, Map<string, Statement>>()

/** The statement for `sql` on this connection, compiled on first use. Only for get/all/run (no iterate, no pluck). */
export function statement(db: Db, sql: string): Statement {
  let bySql = compiled.get(db)
  if (!bySql) compiled.set(db, (bySql = new Map()))
  let s = bySql.get(sql)
  if (!s) bySql.set(sql, (s = db.prepare(sql)))
  return s
}
