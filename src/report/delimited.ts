/**
 * A streaming reader of delimited text: Moodle's "text format" downloads
 * (tab-separated, fields in double quotes when they hold spaces) and the same
 * reports saved as CSV by Excel or LibreOffice (comma or semicolon, quotes
 * doubled inside quoted fields, CRLF, a byte-order mark). The delimiter is the
 * one the header line uses most outside quotes. Text is pushed in chunks of
 * any size; complete rows come out as they end, so a file of any length is
 * read with one row in memory.
 */
export interface Row {
  fields: string[];
  /** 1-based line on which the row starts. */
  line: number;
}

export class DelimitedReader {
  private delimiter: string | null = null;
  private pending = '';
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside a quoted field. */
  private inQuotes = false;
  /** Just read a quote inside a quoted field: the next character decides (another quote, or the field's end). */
  private quoteSeen = false;
  private line = 1;
  private rowLine = 1;
  private started = false;
  /** The last chunk ended on CR: an LF first in the next one belongs to the same line break. */
  private cr = false;

  /** Rows completed by this chunk. */
  push(chunk: string): Row[] {
    let text = chunk;
    if (!this.started) {
      text = this.pending + text;
      if (this.delimiter === null) {
        const nl = text.search(/\r?\n/);
        if (nl < 0) {
          this.pending = text;
          return [];
        }
        this.delimiter = detectDelimiter(text.slice(0, nl));
      }
      this.pending = '';
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.scan(text);
  }

  /** The last row, if the text did not end with a newline. */
  end(): Row[] {
    const out: Row[] = [];
    if (!this.started && this.pending) {
      this.delimiter = detectDelimiter(this.pending);
      this.started = true;
      let text = this.pending;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.pending = '';
      out.push(...this.scan(text));
    }
    if (this.field !== '' || this.fields.length || this.quoted) {
      this.fields.push(this.field);
      out.push({ fields: this.fields, line: this.rowLine });
      this.fields = [];
      this.field = '';
      this.quoted = false;
    }
    return out;
  }

  private scan(text: string): Row[] {
    const out: Row[] = [];
    const d = this.delimiter!;
    let i = 0;
    const n = text.length;
    if (this.cr && text[0] === '\n' && !this.inQuotes) i = 1;
    this.cr = false;
    while (i < n) {
      const ch = text[i]!;
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue; // re-read ch outside quotes
        }
        if (ch === '"') {
          this.quoteSeen = true;
          i++;
          continue;
        }
        // Copy a run of ordinary characters at once.
        let j = i;
        while (j < n && text[j] !== '"') {
          if (text[j] === '\n') this.line++;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
        continue;
      }
      if (ch === '"' && this.field === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        i++;
      } else if (ch === d) {
        this.fields.push(this.field);
        this.field = '';
        this.quoted = false;
        i++;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        else if (ch === '\r' && i + 1 === n) this.cr = true;
        i++;
        this.fields.push(this.field);
        const row = { fields: this.fields, line: this.rowLine };
        this.fields = [];
        this.field = '';
        this.quoted = false;
        this.line++;
        this.rowLine = this.line;
        // A blank line is no row.
        if (row.fields.length > 1 || row.fields[0] !== '') out.push(row);
      } else {
        let j = i;
        while (j < n && text[j] !== d && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '"') j++;
        if (j === i) j++; // a quote inside an unquoted field is kept as it is
        this.field += text.slice(i, j);
        i = j;
      }
    }
    return out;
  }
}

/** Tab, comma or semicolon: whichever the line has most of outside double quotes (tab when none). */
export function detectDelimiter(line: string): string {
  const count: Record<string, number> = { '\t': 0, ',': 0, ';': 0 };
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in count) count[ch]!++;
  }
  let best = '\t';
  for (const d of ['\t', ',', ';']) if (count[d]! > count[best]!) best = d;
  return best;
}

/** Reads a whole text at once (tests, small files). */
export function readDelimited(text: string): Row[] {
  const r = new DelimitedReader();
  return [...r.push(text), ...r.end()];
}
