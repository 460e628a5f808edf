/** Code-unit string order: the same on every machine and locale, so reports are byte-identical. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
