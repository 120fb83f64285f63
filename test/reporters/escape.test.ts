import { describe, expect, it } from 'vitest';
import { codeSpan, csvCell, escapeHtml, escapeMarkdown, html, renderCsv } from '../../src/reporters/escape.js';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises the formula-like cell %j with a leading quote', (cell) => {
    expect(csvCell(cell).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
  it('leaves plain text and numbers alone, and empty for missing values', () => {
    expect(csvCell('Sales Ops')).toBe('Sales Ops');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });
  it('writes CRLF rows with a header', () => {
    expect(renderCsv(['a', 'b'], [[1, '=x']])).toBe("a,b\r\n1,'=x\r\n");
  });
});

describe('html', () => {
  it('escapes every interpolated string, including attribute quotes', () => {
    const name = `<script>alert(1)</script>" onload="x`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe('<td title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x</td>');
  });
  it('nests safe fragments and arrays without escaping them twice', () => {
    const rows = ['a&b', 'c'].map((v) => html`<li>${v}</li>`);
    expect(html`<ul>${rows}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('markdown escaping', () => {
  it('keeps a table cell one cell and raw HTML inert', () => {
    expect(escapeMarkdown('a|b <script>\nx')).toBe('a\\|b \\<script\\> x');
    expect(codeSpan('x|`y`')).toBe("`x\\|'y'`");
  });
});
