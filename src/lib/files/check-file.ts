export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** The first, cheap check before uploading; the server checks the content itself (magic bytes). */
export function checkChosenFile(f: { size: number; name: string }, allowPdf: boolean): string | null {
  if (f.size === 0) return '文件是空的，请重新选择'
  if (f.size > MAX_UPLOAD_BYTES) return '文件超过5MB，请压缩后重新上传'
  const ext = f.name.toLowerCase().split('.').pop() ?? ''
  const ok = ['jpg', 'jpeg', 'png', ...(allowPdf ? ['pdf'] : [])]
  // Blob URLs and temp paths may carry no extension: let the server decide by content then.
  if (f.name.includes('.') && !ok.includes(ext)) return allowPdf ? '只支持JPG、PNG图片或PDF文件' : '只支持JPG、PNG图片'
  return null
}
