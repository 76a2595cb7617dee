/** Mini-program: no printing; staff print from the desk browser (H5). */
export const PRINT_AVAILABLE = false
export function print(): void {}
