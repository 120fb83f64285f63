// Escaping for every output format: HTML (a tagged template that escapes what it is given), Markdown, CSV.

/** Markup that is already safe: produced by `html` or by a renderer, never by input text. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function htmlValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(htmlValue).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML and SVG: every interpolated value is escaped unless it is `SafeHtml`.
 * @example html`<td>${actorName}</td>` // an actor named `<b>` renders as text
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += htmlValue(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/**
 * Escapes text for Markdown prose and table cells: the characters that would start emphasis, links,
 * raw HTML or a table column are backslash-escaped; line breaks become spaces.
 * @example escapeMarkdown('a|b <script>') // 'a\\|b \\<script\\>'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** Text as an inline code span, safe inside a table cell. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** Cells a spreadsheet would run as a formula start with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-like text is prefixed with a single quote so a spreadsheet shows it as text,
 * then the cell is quoted when it holds a comma, quote or line break (RFC 4180).
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a header row and CRLF line ends (RFC 4180). */
export function renderCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
