export interface Position {
  line: number;
  column: number;
}

/** Line starts, computed once per file; positions are 1-based like every editor's. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  offset(line: number, column = 1): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * For each line, whether it belongs to a fenced code block (its fences
 * included), where `##`, `:::`, `>` and list markers are code, not structure.
 * A fence closes on a line holding only a run of its own character at least
 * as long as the opening one.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | null = null;
  return lines.map((text) => {
    const m = FENCE.exec(text);
    if (fence === null) {
      if (!m) return false;
      fence = m[1]!;
    } else if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && text.trim() === m[1]) {
      fence = null;
    }
    return true;
  });
}
