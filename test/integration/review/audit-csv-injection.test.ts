import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { csvCell } from '../../../src/main/core/review/audit-export';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import { coreWithAdmin, PASSWORD, signedIn } from '../auth/helpers';

/** Cells of the audit CSV as a spreadsheet program splits them (quoted fields, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('audit log CSV export', () => {
  let core: Core;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ core, cleanup } = await coreWithAdmin());
  });
  afterEach(() => cleanup());

  it('neutralises cells a spreadsheet would read as formulas (= + - @), keeping the text', async () => {
    const people: [string, string][] = [
      ['congthuc1', '=HYPERLINK("http://x.invalid","Bấm")'],
      ['congthuc2', '+1+2'],
      ['congthuc3', '-2+3'],
      ['congthuc4', '@SUM(1,2)'],
    ];
    for (const [username, displayName] of people) {
      const r = await core.registry.invoke('accounts/create', { username, displayName, password: PASSWORD, roles: ['admin'] });
      expect(r.ok).toBe(true);
      // A change this person makes has the actor "<display name> (<username>)": a cell starting with it.
      const session = await signedIn(core, username);
      expect((await core.registry.invoke('accounts/set-lock-minutes', { minutes: 20 }, session)).ok).toBe(true);
    }
    const exported = await core.registry.invoke('audit/export', { format: 'csv' });
    expect(exported.ok).toBe(true);
    const text = Buffer.from((exported as { value: ExportedFile }).value.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const cells = parseCsv(text).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://x.invalid","Bấm") (congthuc1)`);
    expect(cells).toContain("'-2+3 (congthuc3)");
    expect(text).toContain('Bấm');
  });

  it('prefixes an apostrophe, then quotes as CSV needs', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=A1,"b"')).toBe(`"'=A1,""b"""`);
    expect(csvCell('Kế hoạch')).toBe('Kế hoạch');
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});
