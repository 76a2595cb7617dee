// npm run restore -- FILE: restores a backup (npm run backup) into an empty data folder (DATA_DIR / DB_FILE /
// UPLOADS_DIR, as for the server), after checking every file against the backup's manifest and the database's
// integrity; a damaged backup restores nothing. Start the server afterwards.
import path from 'node:path'
import { storageFromEnv } from '../config'
import { restore } from '../backup/restore'

function main(): void {
  const file = process.argv[2]
  if (!file) throw new Error('usage: npm run restore -- FILE   (into an empty data folder: DATA_DIR, DB_FILE, UPLOADS_DIR)')
  const { dbFile, uploadsDir } = storageFromEnv()
  if (dbFile === ':memory:') throw new Error('DB_FILE=:memory: cannot be restored into')
  const r = restore({ archive: path.resolve(file), dbFile, uploadsDir })
  process.stdout.write(`restored the backup of ${r.createdAt}: ${dbFile} (schema ${r.schemaVersion}, integrity ok), ${r.uploads} uploaded files into ${uploadsDir}\n`)
}

try {
  main()
} catch (err) {
  process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
