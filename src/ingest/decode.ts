// Bytes → text: BOMs, UTF-16, invalid UTF-8 (read as Windows-1252, with a warning), CRLF and CR → LF.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Issue } from '../model/index.js';

export interface DecodeReport {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
  issues: Issue[];
}

/**
 * Decodes a byte stream into text chunks whose line breaks are all `\n`, so line numbers count the
 * same for every export. Fills `report` as it goes: a file that is not valid UTF-8 is read as
 * Windows-1252 from the first bad chunk on (what Excel and older Salesforce exports write) and
 * gets a `file/not-utf8` warning naming the first bad line.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  file: string,
  report: DecodeReport,
): AsyncGenerator<string> {
  let carry: Uint8Array = new Uint8Array(0);
  let decoder: TextDecoder | undefined;
  let first = true;
  let linesBefore = 0;
  let pendingCr = false;

  const normalise = (text: string, last: boolean): string => {
    let out = pendingCr ? '\r' + text : text;
    pendingCr = false;
    if (!last && out.endsWith('\r')) {
      pendingCr = true;
      out = out.slice(0, -1);
    }
    if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
    return out;
  };

  for await (const chunk of bytes) {
    let buf = carry.length ? concat(carry, chunk) : chunk;
    if (first) {
      first = false;
      if (buf.length < 3 && !(buf.length === 2 && isUtf16Bom(buf))) {
        carry = buf;
        first = true;
        continue;
      }
      ({ decoder, buf } = chooseDecoder(buf, report));
    }
    if (report.encoding !== 'utf-8') {
      carry = new Uint8Array(0);
      const text = decoder!.decode(buf, { stream: true });
      yield normalise(text, false);
      continue;
    }
    const cut = completeUtf8Length(buf);
    const part = buf.subarray(0, cut);
    carry = buf.slice(cut);
    if (!isUtf8(part)) {
      report.encoding = 'windows-1252';
      report.issues.push({
        severity: 'warning',
        code: 'file/not-utf8',
        file,
        line: linesBefore + firstBadLine(part),
        message: 'not valid UTF-8 from this line on; read as Windows-1252',
      });
      decoder = new TextDecoder('windows-1252');
      const text = decoder.decode(concat(part, carry), { stream: true });
      carry = new Uint8Array(0);
      yield normalise(text, false);
      continue;
    }
    // `part` ends on a whole character, so no state carries over: decoding without `stream` gives
    // one byte per character for Latin-1 text (streaming decodes to two) and runs 4x faster
    const text = decoder!.decode(part);
    linesBefore += countNewlines(part);
    yield normalise(text, false);
  }
  if (first && carry.length) ({ decoder, buf: carry } = chooseDecoder(carry, report));
  const rest = (decoder ?? new TextDecoder('utf-8')).decode(carry);
  yield normalise(rest, true);
}

function chooseDecoder(buf: Uint8Array, report: DecodeReport): { decoder: TextDecoder; buf: Uint8Array } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    report.bom = true;
    return { decoder: new TextDecoder('utf-8', { ignoreBOM: true }), buf: buf.subarray(3) };
  }
  if (isUtf16Bom(buf)) {
    report.bom = true;
    report.encoding = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { decoder: new TextDecoder(report.encoding, { ignoreBOM: true }), buf: buf.subarray(2) };
  }
  return { decoder: new TextDecoder('utf-8', { ignoreBOM: true }), buf };
}

function isUtf16Bom(buf: Uint8Array): boolean {
  return (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
}

/** Length of `buf` without a trailing, incomplete UTF-8 sequence (kept for the next chunk). */
function completeUtf8Length(buf: Uint8Array): number {
  const end = buf.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = buf[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

function firstBadLine(part: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= part.length; i++) {
    if (i === part.length || part[i] === 0x0a) {
      if (!isUtf8(part.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return 1;
}

function countNewlines(part: Uint8Array): number {
  let count = 0;
  let at = part.indexOf(0x0a);
  while (at !== -1) {
    count++;
    at = part.indexOf(0x0a, at + 1);
  }
  return count;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
