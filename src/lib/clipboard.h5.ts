/**
 * H5: the browser's clipboard, with the page saying 内容已复制 itself. Taro's H5 setClipboardData shows a toast, and
 * that toast brought Taro's interaction API (toast, modal, action sheet: 5.3 KB brotli) into the case page.
 */
export const COPY_CONFIRMED_BY_PLATFORM = false

/** The older way, for browsers without the asynchronous clipboard or without permission to use it. */
function copyBySelection(text: string): void {
  const area = document.createElement('textarea')
  area.value = text
  area.readOnly = true
  area.style.position = 'fixed'
  area.style.left = '-10000px'
  document.body.appendChild(area)
  try {
    area.select()
    area.setSelectionRange(0, text.length)
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy')
  } finally {
    area.remove()
  }
}

/** Puts `text` on the clipboard; rejects when it could not. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    copyBySelection(text)
  }
}
