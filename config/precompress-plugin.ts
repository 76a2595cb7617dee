import zlib from 'node:zlib'
import type { Compiler } from 'webpack'

/** Text assets worth compressing, and the size below which compressing gains nothing. */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)$/
const MIN_BYTES = 1024

/**
 * Writes a Brotli (.br, best quality) and a gzip (.gz) copy beside every text asset of the H5 build, so the
 * server sends them ready-made (the mock with @fastify/static's preCompressed; nginx with brotli_static /
 * gzip_static) instead of compressing per request or not at all. Only Node's zlib: no extra dependency.
 */
export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          if (!COMPRESSIBLE.test(name)) continue
          const raw = source.buffer()
          if (raw.length < MIN_BYTES) continue
          const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          const gz = zlib.gzipSync(raw, { level: 9 })
          if (br.length < raw.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
          if (gz.length < raw.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz))
        }
      })
    })
  }
}
