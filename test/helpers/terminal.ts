/** A small terminal model for tests of what a user sees on a TTY (test/ui/tty-output.test.ts). */

/**
 * The screen after `bytes` (a terminal of unbounded height): printable text overwrites at the cursor;
 * CR, LF, cursor moves (CSI A/B/C/D/G), erase line (CSI K) and erase below (CSI J) as a VT100 does;
 * colours and modes are ignored.
 */
export function screen(bytes: string): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  const line = () => (rows[row] ??= []);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      while (rows.length <= row) rows.push([]);
    } else if (c === '\u001b' && bytes[i + 1] === '[') {
      const m = /^\[([?\d;]*)([@-~])/.exec(bytes.slice(i + 1, i + 24));
      if (!m) continue;
      i += m[0].length;
      const n = Number(m[1]!.replace('?', '').split(';')[0] || '0');
      switch (m[2]) {
        case 'A':
          row = Math.max(0, row - (n || 1));
          break;
        case 'B':
          row += n || 1;
          while (rows.length <= row) rows.push([]);
          break;
        case 'C':
          col += n || 1;
          break;
        case 'D':
          col = Math.max(0, col - (n || 1));
          break;
        case 'G':
          col = Math.max(0, (n || 1) - 1);
          break;
        case 'K':
          if (n === 2) rows[row] = [];
          else if (n === 0) line().length = Math.min(line().length, col);
          break;
        case 'J':
          if (n === 0) {
            line().length = Math.min(line().length, col);
            rows.length = row + 1;
          }
          break;
        default:
      }
    } else if (c === '\u001b') {
      // OSC and other escapes: skip to the string terminator or the next character
      if (bytes[i + 1] === ']') i = Math.max(i, bytes.indexOf('\u0007', i));
      else i++;
    } else if (c >= ' ') {
      const l = line();
      while (l.length < col) l.push(' ');
      l[col++] = c;
    }
  }
  const text = rows.map((r) => r.join('').trimEnd());
  while (text.length && text[text.length - 1] === '') text.pop();
  return text;
}
