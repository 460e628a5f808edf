/** Lines of a text by character offset, from one pass over its line feeds (as `yaml`'s LineCounter counts them). */
export class LineTable {
  /** Offsets of every line feed, ascending. */
  private readonly newlines: number[] = [];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.newlines.push(at);
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.newlines[middle] as number) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}
