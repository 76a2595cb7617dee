// The Content-Security-Policy of the built H5 app's page: scripts only from this origin plus the page's own
// inline scripts (by hash, read from index.html as served, so a rebuild needs no change here); styles may be
// inline (Taro's components inject <style> and style attributes); API calls to this origin only; never framed.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** An inline script that runs: not one with a src, nor a data block (type="application/json", as the prerendered catalogue) */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype=["']?application\/json)[^>]*>([\s\S]*?)<\/script>/gi

/** The 'sha256-…' source allowing one inline script. */
export const scriptHash = (script: string): string => `'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`

/** 'sha256-…' sources for every inline script of the page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => scriptHash(m[1]))
}

export function h5Csp(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Taro's H5 uploadFile reads the picked photo back from its blob: URL before sending it
    "connect-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The policy for the app's index.html in `staticDir`, re-read when the file changes (a new build). */
export function h5CspSource(staticDir: string): () => string | undefined {
  const file = path.join(staticDir, 'index.html')
  let cached: { mtimeMs: number; csp: string } | undefined
  return () => {
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (!stat) return undefined
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, csp: h5Csp(fs.readFileSync(file, 'utf8')) }
    return cached.csp
  }
}
