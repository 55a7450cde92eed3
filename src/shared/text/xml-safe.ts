/**
 * Characters XML 1.0 cannot carry at all, even escaped (Char production): the C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF, and a surrogate without its pair. One
 * of them typed (or pasted) into a thuyết minh ends up in a .docx that Word refuses to open, so
 * they are dropped where text enters and again when a document is written. Pure: no Node, no DOM.
 */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML forbids; everything else (Vietnamese, emoji, tabs) is kept. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/**
 * The same for every string inside plain data (objects and arrays, as a document model is):
 * a new value, the input untouched. Other objects (Date, Buffer…) are returned as they are.
 */
export function stripXmlForbiddenDeep<T>(value: T): T {
  if (typeof value === 'string') return stripXmlForbidden(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripXmlForbiddenDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripXmlForbiddenDeep(v)])) as T;
  }
  return value;
}

/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C): in a
 * file name "hoá đơn\u202Efdp.exe" displays as "hoá đơnexe.pdf". Stripped from stored names.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
