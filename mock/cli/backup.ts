// npm run backup -- FILE: a consistent backup of the data folder (database and uploads) into one archive, while the
// server runs. Where the data is comes from DATA_DIR / DB_FILE / UPLOADS_DIR, as for the server.
import path from 'node:path'
import { storageFromEnv } from '../config'
import { backup } from '../backup/backup'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: npm run backup -- FILE   (a new file; DATA_DIR, DB_FILE, UPLOADS_DIR say where the data is)')
  const { dbFile, uploadsDir } = storageFromEnv()
  if (dbFile === ':memory:') throw new Error('DB_FILE=:memory: has nothing on disk to back up')
  const r = await backup({ dbFile, uploadsDir, archive: path.resolve(file) })
  process.stdout.write([
    `backup written: ${r.archive} (${(r.bytes / 1024 / 1024).toFixed(1)} MB)`,
    `  database ${dbFile} (schema ${r.manifest.schemaVersion}), ${r.manifest.entries.length - 1} uploaded files from ${uploadsDir}, sha256 of each in manifest.json`,
    ...(r.manifest.missingUploads.length ? [`  ${r.manifest.missingUploads.length} upload(s) deleted during the backup were left out: ${r.manifest.missingUploads.join(', ')}`] : []),
    '',
  ].join('\n'))
}

main().catch((err: unknown) => {
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
