// A streaming CSV splitter (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes,
// LF or CRLF line ends). Written for imports because csv-parse spent ~5 µs a row — more than
// validating and writing the row — mostly building a Buffer per field; this one slices the
// decoded text directly and is several times faster on a register of a million rows.

/** Thrown for text that is not CSV (a quote never closed); `record` counts from 1. */
export class CsvSyntaxError extends Error {
  constructor(readonly record: number, message: string) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Splits text fed chunk by chunk into records of string fields. */
export class CsvSplitter {
  private rest = "";
  private records = 0;
  private readonly delimiterCode: number;

  constructor(private readonly delimiter: string) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Feeds decoded text; returns the records completed by it. `final` flushes the last one. */
  push(text: string, final = false): string[][] {
    const data = this.rest + text;
    const out: string[][] = [];
    let i = 0;
    let lineEnd = -1; // cached position of the next LF at or after i (−1: not looked up / none)
    const n = data.length;
    while (i < n) {
      const start = i;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (data.charCodeAt(i) === QUOTE) {
          // quoted field: find the closing quote, skipping "" pairs
          let j = data.indexOf('"', i + 1);
          while (j !== -1 && data.charCodeAt(j + 1) === QUOTE) j = data.indexOf('"', j + 2);
          if (j === -1 || (j === n - 1 && !final)) {
            if (!final) break; // the record continues in the next chunk
            throw new CsvSyntaxError(this.records + 1, "dấu ngoặc kép (\") không được đóng");
          }
          let value = data.slice(i + 1, j);
          if (value.includes('""')) value = value.replaceAll('""', '"');
          i = j + 1;
          // tolerate text after the closing quote ("abc"def) up to the delimiter, as Excel does
          let k = i;
          while (k < n && data.charCodeAt(k) !== this.delimiterCode && data.charCodeAt(k) !== LF && data.charCodeAt(k) !== CR) k++;
          if (k === n && !final) break; // the record continues in the next chunk
          if (k > i) value += data.slice(i, k);
          i = k;
          fields.push(value);
        } else {
          if (lineEnd < i && lineEnd !== -2) {
            lineEnd = data.indexOf("\n", i);
            if (lineEnd === -1) lineEnd = -2; // no LF in the rest of the data
          }
          const lf = lineEnd === -2 ? n : lineEnd;
          let d = data.indexOf(this.delimiter, i);
          if (d === -1 || d > lf) d = lf;
          if (d === n && !final) break; // the record continues in the next chunk
          let end = d;
          if (d === lf && end > i && data.charCodeAt(end - 1) === CR) end -= 1;
          fields.push(data.slice(i, end));
          i = d;
        }
        // after a field: a delimiter (next field), a line end (record done) or the end of the data
        const c = data.charCodeAt(i);
        if (c === this.delimiterCode) {
          i += 1;
          if (i === n && !final) break;
          if (i === n) {
            fields.push("");
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR && data.charCodeAt(i + 1) === LF) i += 2;
        else if (c === CR && i + 1 === n && !final) break; // the LF may be in the next chunk
        else if (c === LF || c === CR) i += 1;
        complete = true;
        break;
      }
      if (!complete) {
        this.rest = data.slice(start);
        return out;
      }
      this.records += 1;
      out.push(fields);
    }
    this.rest = "";
    return out;
  }
}
