import type { Db } from './open'

const readers = new WeakMap<Db, (read: () => unknown) => unknown>()

/**
 * Runs `read` in one read transaction: every statement in it sees the same committed state (a push landing
 * between two of them cannot show half of it), and SQLite takes its WAL read lock once instead of once per
 * statement (two fcntl calls and a stat each, as much as one of a detail read's small indexed queries costs).
 * Nested in a write transaction it becomes a savepoint.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  let run = readers.get(db)
  if (!run) readers.set(db, (run = db.transaction((f: () => unknown) => f())))
  return run(read) as T
}
