export const PRINT_AVAILABLE = true
export function print(): void {
  window.print()
}
