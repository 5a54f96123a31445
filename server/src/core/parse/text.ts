/** A zero-based position; `character` counts UTF-16 code units, as in LSP and JavaScript strings. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The slice of a text document the engine needs; LSP's TextDocument satisfies it. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export const neverCancelled: CancellationTokenLike = { isCancellationRequested: false };

/**
 * Line starts of a text, for offset ⇄ position conversion in O(log n). The starts are found as far as
 * the offsets and lines asked for reach: most users ask about a few places (a diagnostic's line, the
 * lines of a report's goals), often near the top, and scanning all of a 5 MB text costs milliseconds.
 */
export class LineIndex {
  /** The line starts found so far, in order: those after the line breaks before `scanned`. */
  private readonly starts = [0];
  /** Where the search for line breaks goes on: everything before it has been looked at. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Finds the line breaks before `offset`, stopping early once `line` has its start. */
  private scan(offset: number, line = Infinity): void {
    const { text, starts } = this;
    const end = Math.min(offset, text.length);
    let i = this.scanned;
    for (; i < end && starts.length <= line; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.scanned = Math.max(this.scanned, i);
  }

  get lineCount(): number {
    this.scan(this.text.length);
    return this.starts.length;
  }

  lineStart(line: number): number {
    this.scan(this.text.length, line);
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    this.scan(this.text.length, line + 1);
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // No position lies inside a CRLF: an offset between its CR and LF is the end of the line.
    if (this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10) clamped -= 1;
    this.scan(clamped);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    this.scan(this.text.length, position.line);
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** An in-memory document for the CLI and the tests. */
export function createTextDocument(uri: string, text: string, version = 0): TextDocumentLike {
  const index = new LineIndex(text);
  return {
    uri,
    version,
    getText: () => text,
    positionAt: (offset) => index.positionAt(offset),
    offsetAt: (position) => index.offsetAt(position),
  };
}

/** Offsets → range, through the document's own conversion (the one place positions are made). */
export function toRange(document: TextDocumentLike, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
