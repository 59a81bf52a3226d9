/**
 * Splits a stream of JSON text into values without parsing the whole: either
 * one top-level array (an LRS export, `[{…},{…}]`), whose elements come out
 * one by one, or a sequence of top-level values (NDJSON, one statement per
 * line; whitespace of any kind between them is fine). A top-level object with
 * a `statements` array (a saved StatementResult page) yields those
 * statements. Only one value's text is held at a time, so a statements file
 * of any size is read in bounded memory (bounded by the largest statement).
 */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

export interface JsonValue {
  value: unknown;
  line: number;
}

export class JsonValueSplitter {
  /** Text of the value being read. */
  private buf = '';
  private depth = 0;
  private inString = false;
  /** The chunk ended on a backslash inside a string: the next chunk's first character is escaped. */
  private escape = false;
  /** Inside a top-level array: elements are the values. */
  private inArray = false;
  private arrayClosed = false;
  private line = 1;
  private col = 0;
  private valueLine = 1;
  private valueCol = 1;
  /** The text of a value is being read. */
  private reading = false;

  /** Moves the line and column over text[from, to). Newlines are found natively, not one character at a time. */
  private advance(text: string, from: number, to: number): void {
    let nl = text.indexOf('\n', from);
    if (nl < 0 || nl >= to) {
      this.col += to - from;
      return;
    }
    let last = nl;
    while (nl >= 0 && nl < to) {
      this.line++;
      last = nl;
      nl = text.indexOf('\n', nl + 1);
    }
    this.col = to - last - 1;
  }

  push(chunk: string): JsonValue[] {
    const out: JsonValue[] = [];
    const n = chunk.length;
    let from = 0;
    let i = 0;
    // Where the next backslash is (n: none): strings are skipped quote to quote, and only a backslash needs a closer look.
    let nextBackslash = -1;
    while (i < n) {
      if (this.reading) {
        if (this.inString) {
          if (this.escape) {
            this.escape = false;
            i++;
            continue;
          }
          const quote = chunk.indexOf('"', i);
          if (nextBackslash < i) {
            nextBackslash = chunk.indexOf('\\', i);
            if (nextBackslash < 0) nextBackslash = n;
          }
          if (nextBackslash < n && (quote < 0 || nextBackslash < quote)) {
            i = nextBackslash + 2;
            if (i > n) {
              this.escape = true;
              i = n;
            }
            continue;
          }
          if (quote < 0) {
            i = n;
            continue;
          }
          this.inString = false;
          i = quote + 1;
          continue;
        }
        const ch = chunk.charCodeAt(i++);
        if (ch === 34) this.inString = true;
        else if (ch === 123 || ch === 91) this.depth++;
        else if (ch === 125 || ch === 93) {
          if (--this.depth === 0) {
            // A statement that lies within one chunk (nearly all) is sliced once, not concatenated.
            this.buf = this.buf ? this.buf + chunk.slice(from, i) : chunk.slice(from - 1, i);
            this.advance(chunk, from, i);
            out.push(...this.emit());
            this.reading = false;
            from = i;
          }
        }
        continue;
      }
      // Between values: whitespace, the array's brackets and commas.
      const ch = chunk.charCodeAt(i);
      this.advance(chunk, i, i + 1);
      i++;
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xfeff) continue;
      if (this.first && ch === 91 /* [ */) {
        this.first = false;
        this.inArray = true;
        continue;
      }
      if (this.inArray && ch === 44 /* , */ && this.sawElement) {
        this.sawElement = false;
        continue;
      }
      if (this.inArray && ch === 93 /* ] */) {
        this.inArray = false;
        this.arrayClosed = true;
        continue;
      }
      if (this.arrayClosed) throw new JsonSyntaxError('text after the closing `]`', this.line, this.col);
      if (this.inArray && this.sawElement) throw new JsonSyntaxError('expected `,` or `]` between statements', this.line, this.col);
      if (ch !== 123 /* { */) throw new JsonSyntaxError(`expected a statement (\`{\`), found \`${String.fromCharCode(ch)}\``, this.line, this.col);
      this.first = false;
      this.reading = true;
      this.depth = 1;
      this.valueLine = this.line;
      this.valueCol = this.col;
      // The opening brace is already counted in line/col: the value's text is advanced from after it.
      this.buf = '';
      from = i;
    }
    if (this.reading) {
      this.buf = this.buf ? this.buf + chunk.slice(from) : chunk.slice(from - 1);
      this.advance(chunk, from, n);
    }
    return out;
  }

  private first = true;
  private sawElement = false;

  private emit(): JsonValue[] {
    const text = this.buf;
    this.buf = '';
    this.sawElement = true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new JsonSyntaxError((e as Error).message, this.valueLine, this.valueCol);
    }
    if (!this.inArray && value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { statements?: unknown }).statements)) {
      return ((value as { statements: unknown[] }).statements).map((v) => ({ value: v, line: this.valueLine }));
    }
    return [{ value, line: this.valueLine }];
  }

  /** Throws when the text ended inside a value or an array. */
  end(): void {
    if (this.reading || this.inString) throw new JsonSyntaxError('the statement that starts here never ends', this.valueLine, this.valueCol);
    if (this.inArray) throw new JsonSyntaxError('the text ends before the closing `]`', this.line, this.col);
  }
}
