export interface ChosenFile {
  path: string
  size: number
  name: string
}

/** H5: the browser's file picker (camera on phones); PDFs allowed where asked. */
export function chooseFile(opts: { allowPdf: boolean }): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = opts.allowPdf ? 'image/jpeg,image/png,application/pdf' : 'image/jpeg,image/png'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const f = input.files?.[0]
      input.remove()
      resolve(f ? { path: URL.createObjectURL(f), size: f.size, name: f.name } : null)
    })
    input.addEventListener('cancel', () => { input.remove(); resolve(null) })
    document.body.appendChild(input)
    input.click()
  })
}
