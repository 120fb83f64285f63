// Vendor-shaped identifiers derived from plain numbers, so the world stays vendor-neutral and writers agree.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-bit hash of a string (FNV-1a), for stable pseudo-random ids. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hex string of `length` characters derived from `text`. */
export function hexOf(text: string, length: number): string {
  let out = '';
  let i = 0;
  while (out.length < length) out += hash32(`${text}#${i++}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

function base62(n: number, width: number): string {
  let out = '';
  let x = Math.floor(n);
  while (x > 0) {
    out = BASE62[x % 62] + out;
    x = Math.floor(x / 62);
  }
  return out.padStart(width, '0');
}

/** Salesforce 18-character id: 3-char key prefix, pod/instance chars, a counter, and the case checksum. */
export function salesforceId(prefix: string, n: number): string {
  const id15 = `${prefix}Dn0${base62(n, 9)}`;
  const map = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += map[bits];
  }
  return id15 + suffix;
}

/** UUID-shaped id derived from text (Zapier run ids). */
export function uuidOf(text: string): string {
  const h = hexOf(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The CRM record id of workflow `index` in the given CRM. */
export function crmIdOf(crm: string, index: number): string {
  if (crm === 'salesforce') return salesforceId('006', 2_000_000 + index * 37);
  return String(21_404_000_000 + index * 1_733);
}

/** The id a support ticket is known by in run logs and links. */
export function ticketIdOf(support: string, number: number): string {
  return support === 'servicenow' ? `INC${String(number).padStart(7, '0')}` : String(number);
}

/** The key of a delivery issue. */
export function issueKeyOf(delivery: string, number: number): string {
  return delivery === 'linear' ? `DEL-${number}` : `DLV-${number}`;
}
