// Buffered, line-counting file output: exports are written streaming, and every writer knows the line it is on.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One output file; `line` is the 1-based line the next write starts on. */
export class OutFile {
  line = 1;
  bytes = 0;
  private buffer: string[] = [];
  private size = 0;
  private fd: number | undefined;

  constructor(readonly path: string, readonly name: string) {}

  write(text: string): void {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'w');
    }
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    writeSync(this.fd, data);
    this.bytes += data.length;
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'w');
    }
    closeSync(this.fd);
  }
}

/** A planted malformed row: where it is and the issue code the connector should report. */
export interface Planted {
  file: string;
  line: number;
  code: string;
  what: string;
}

/** The files of one company's export folder. */
export class Exports {
  readonly files = new Map<string, OutFile>();
  readonly planted: Planted[] = [];

  constructor(readonly root: string) {}

  file(name: string): OutFile {
    let file = this.files.get(name);
    if (!file) {
      file = new OutFile(join(this.root, name), name);
      this.files.set(name, file);
    }
    return file;
  }

  plant(file: OutFile, code: string, what: string): void {
    this.planted.push({ file: file.name, line: file.line, code, what });
  }

  close(): void {
    for (const file of this.files.values()) file.close();
  }
}

/** A CSV cell: quoted when it holds a delimiter, quote or line break (or always, Salesforce-style). */
export function csvCell(value: string | number | boolean | null | undefined, always = false): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (always || /[",\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[], always = false, eol = '\n'): string {
  return cells.map((cell) => csvCell(cell, always)).join(',') + eol;
}

/**
 * JSON indented like `JSON.stringify(value, null, 2)`, except that an array or object holding only
 * plain values (a weekly series, one failure, one roster entry) stays on one line when that line is short.
 */
export function prettyJson(value: unknown, indent = '', width = 400): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? (value as unknown[]).map((v) => ['', v]) : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const key = (k: string) => (isArray ? '' : `${JSON.stringify(k)}: `);
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const line = `${open}${entries.map(([k, v]) => `${key(k)}${JSON.stringify(v)}`).join(', ')}${close}`;
    if (indent.length + line.length <= width) return line;
  }
  const inner = `${indent}  `;
  return `${open}\n${entries.map(([k, v]) => `${inner}${key(k)}${prettyJson(v, inner, width)}`).join(',\n')}\n${indent}${close}`;
}
