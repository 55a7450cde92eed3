import { stripBidiControls, stripXmlForbidden } from '../../../shared/text/xml-safe';

/**
 * File names that survive every place a file travels: shown in the UI, written into a submission
 * package (zip), unpacked on Windows, listed in a generated document. Pure; the submission
 * package reuses it.
 */

/** Characters Windows refuses in a file name, plus the ASCII control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Device names Windows reserves whatever the extension ("CON.pdf" cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Long enough for real trích yếu-style names, short enough for a path inside a zip on Windows. */
export const MAX_NAME_LENGTH = 150;

export interface SafeName {
  /** NFC, no forbidden characters, not reserved, at most MAX_NAME_LENGTH characters. */
  name: string;
  /** What was changed, for a notice to the officer (empty when the name was already fine). */
  changes: SafeNameChange[];
}

export type SafeNameChange = 'nfc' | 'forbidden-characters' | 'reserved-name' | 'truncated' | 'empty' | 'trailing-dot-space' | 'hidden-characters';

export const SAFE_NAME_NOTICES: Record<SafeNameChange, string> = {
  nfc: 'Tên tệp được chuẩn hoá sang dạng Unicode dựng sẵn (NFC) để hiển thị và tìm kiếm đúng.',
  'forbidden-characters': 'Tên tệp có ký tự Windows không cho phép (< > : " / \\ | ? * hoặc ký tự điều khiển); đã thay bằng dấu gạch dưới.',
  'reserved-name': 'Tên tệp trùng tên thiết bị dành riêng của Windows (CON, NUL, COM1…); đã thêm dấu gạch dưới ở đầu.',
  truncated: `Tên tệp dài quá ${MAX_NAME_LENGTH} ký tự; đã rút gọn (giữ phần mở rộng).`,
  empty: 'Tệp không có tên; đã đặt tên «tai-lieu».',
  'trailing-dot-space': 'Tên tệp kết thúc bằng dấu chấm hoặc dấu cách (Windows không cho phép); đã bỏ.',
  'hidden-characters':
    'Tên tệp có ký tự ẩn đảo chiều chữ (có thể làm «hoá đơn.exe» trông như tệp PDF) hoặc ký tự văn bản Word không chứa được; đã bỏ.',
};

/** Splits "a.b.pdf" into ["a.b", ".pdf"]; an extension is short and has no spaces. */
export function splitExtension(name: string): [string, string] {
  const m = /^(.+?)(\.[\p{L}\p{N}]{1,10})$/u.exec(name);
  return m ? [m[1]!, m[2]!] : [name, ''];
}

/** Makes a display/file name safe everywhere; never returns an empty string. */
export function safeFileName(raw: string, maxLength = MAX_NAME_LENGTH): SafeName {
  const changes: SafeNameChange[] = [];
  let name = raw.normalize('NFC');
  if (name !== raw) changes.push('nfc');

  const replaced = name.replace(FORBIDDEN, '_');
  if (replaced !== name) changes.push('forbidden-characters');
  name = replaced;

  // Bidi controls make "x\u202Efdp.exe" display as "xexe.pdf"; U+FFFE and a lone surrogate
  // break the .docx that lists the file. (The C0 controls are already replaced above.)
  const visible = stripXmlForbidden(stripBidiControls(name));
  if (visible !== name) changes.push('hidden-characters');
  name = visible.trim();

  const stripped = name.replace(/[. ]+$/u, '');
  if (stripped !== name) changes.push('trailing-dot-space');
  name = stripped;

  if (!name) {
    changes.push('empty');
    return { name: 'tai-lieu', changes };
  }

  const [rawBase, ext] = splitExtension(name);
  let base = rawBase;
  if (RESERVED.test(base.split('.')[0] ?? '')) {
    base = `_${base}`;
    changes.push('reserved-name');
  }

  // Cut by code points so a surrogate pair is never split; keep the extension.
  const baseChars = Array.from(base);
  const room = Math.max(1, maxLength - Array.from(ext).length);
  if (baseChars.length > room) {
    base = baseChars.slice(0, room).join('').replace(/[. ]+$/u, '') || '_';
    changes.push('truncated');
  }
  return { name: base + ext, changes };
}
