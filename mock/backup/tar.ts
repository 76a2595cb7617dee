// The smallest POSIX tar (ustar) the backups need: regular files only, written and read a chunk at a time, each
// file's sha256 taken on the way. A backup is then one file that `tar tf` can list and `tar xf` can unpack.
import crypto from 'node:crypto'
import fs from 'node:fs'

const BLOCK = 512
const CHUNK = 1024 * 1024

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`)
  const h = Buffer.alloc(BLOCK)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(0o600, 8), 100, 'ascii')
  h.write(octal(0, 8), 108, 'ascii')
  h.write(octal(0, 8), 116, 'ascii')
  h.write(octal(size, 12), 124, 'ascii')
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii')
  h.write('        ', 148, 'ascii')
  h.write('0', 156, 'ascii')
  h.write('ustar\0', 257, 'ascii')
  h.write('00', 263, 'ascii')
  const sum = h.reduce((a, b) => a + b, 0)
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
  return h
}

export interface TarEntry {
  name: string
  size: number
  sha256: string
}

/** Writes a tar file entry by entry; `close` ends the archive and flushes it to disk. */
export class TarWriter {
  private readonly fd: number
  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx', 0o600)
  }

  private pad(size: number): void {
    const rest = size % BLOCK
    if (rest) fs.writeSync(this.fd, Buffer.alloc(BLOCK - rest))
  }

  addBuffer(name: string, data: Buffer, mtime = new Date()): TarEntry {
    fs.writeSync(this.fd, header(name, data.length, mtime))
    fs.writeSync(this.fd, data)
    this.pad(data.length)
    return { name, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') }
  }

  /** Copies a file in, a chunk at a time. */
  addFile(name: string, source: string): TarEntry {
    const src = fs.openSync(source, 'r')
    try {
      const { size, mtime } = fs.fstatSync(src)
      fs.writeSync(this.fd, header(name, size, mtime))
      const hash = crypto.createHash('sha256')
      const buf = Buffer.alloc(CHUNK)
      let done = 0
      while (done < size) {
        const n = fs.readSync(src, buf, 0, Math.min(CHUNK, size - done), done)
        if (n === 0) throw new Error(`tar: ${source} shrank while it was copied`)
        hash.update(buf.subarray(0, n))
        fs.writeSync(this.fd, buf, 0, n)
        done += n
      }
      this.pad(size)
      return { name, size, sha256: hash.digest('hex') }
    } finally {
      fs.closeSync(src)
    }
  }

  close(): void {
    fs.writeSync(this.fd, Buffer.alloc(2 * BLOCK))
    fs.fsyncSync(this.fd)
    fs.closeSync(this.fd)
  }
}

/**
 * Reads a tar file entry by entry: `place(name)` says where an entry's bytes go (a path, or null to keep them in
 * memory and return them); every entry comes back with its size and sha256. A broken header is an error.
 */
export function readTar(file: string, place: (name: string) => string | null): (TarEntry & { data?: Buffer })[] {
  const fd = fs.openSync(file, 'r')
  const entries: (TarEntry & { data?: Buffer })[] = []
  try {
    const total = fs.fstatSync(fd).size
    let at = 0
    const h = Buffer.alloc(BLOCK)
    for (;;) {
      if (at + BLOCK > total) throw new Error('tar: the archive ends early')
      fs.readSync(fd, h, 0, BLOCK, at)
      if (h.every((b) => b === 0)) break
      const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8)
      const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0)
      if (stored !== sum) throw new Error('tar: a header is damaged (checksum)')
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '')
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim(), 8)
      if (h.toString('ascii', 156, 157) !== '0' || !Number.isSafeInteger(size) || at + BLOCK + size > total) throw new Error(`tar: entry ${name} is not a whole regular file`)
      at += BLOCK
      const target = place(name)
      const hash = crypto.createHash('sha256')
      const out = target === null ? null : fs.openSync(target, 'wx', 0o600)
      const chunks: Buffer[] = []
      try {
        let done = 0
        while (done < size) {
          const buf = Buffer.alloc(Math.min(CHUNK, size - done))
          fs.readSync(fd, buf, 0, buf.length, at + done)
          hash.update(buf)
          if (out === null) chunks.push(buf)
          else fs.writeSync(out, buf)
          done += buf.length
        }
        if (out !== null) fs.fsyncSync(out)
      } finally {
        if (out !== null) fs.closeSync(out)
      }
      entries.push({ name, size, sha256: hash.digest('hex'), ...(out === null ? { data: Buffer.concat(chunks) } : {}) })
      at += Math.ceil(size / BLOCK) * BLOCK
    }
  } finally {
    fs.closeSync(fd)
  }
  return entries
}
