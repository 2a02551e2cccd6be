/**
 * REAPER project files (.RPP): a line-oriented text format of chunks (`<TOKEN params` …
 * `>`) and lines (`TOKEN params`), strings quoted with ", ' or ` when they hold spaces. This is
 * shub's own reader and writer (no dependency at run time); tests check the files it writes
 * against an independent parser (rppp).
 */

export interface RppLine {
  token: string;
  params: string[];
  /** 1-based line in the file. */
  line: number;
}

export interface RppChunk extends RppLine {
  children: RppNode[];
}

export type RppNode = RppLine | RppChunk;

export function isChunk(n: RppNode): n is RppChunk {
  return (n as RppChunk).children !== undefined;
}

/** Splits one line into tokens: quoted strings lose their quotes, everything else stays as written. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) {
        out.push(text.slice(i + 1));
        break;
      }
      out.push(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export class RppSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a whole project; the root chunk must be REAPER_PROJECT. */
export function parseRpp(text: string): RppChunk {
  const lines = text.split(/\r?\n/);
  const stack: RppChunk[] = [];
  let root: RppChunk | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!.trim();
    if (!line) continue;
    if (line.startsWith('<')) {
      const [token = '', ...params] = tokenize(line.slice(1));
      const chunk: RppChunk = { token, params, line: k + 1, children: [] };
      if (stack.length) stack[stack.length - 1]!.children.push(chunk);
      else if (root) throw new RppSyntaxError(k + 1, 'text after the end of the project');
      else root = chunk;
      stack.push(chunk);
    } else if (line === '>') {
      if (!stack.pop()) throw new RppSyntaxError(k + 1, "a '>' closes nothing");
    } else {
      if (!stack.length) throw new RppSyntaxError(k + 1, 'a line outside the <REAPER_PROJECT chunk');
      const [token = '', ...params] = tokenize(line);
      stack[stack.length - 1]!.children.push({ token, params, line: k + 1 });
    }
  }
  if (!root) throw new RppSyntaxError(1, 'no <REAPER_PROJECT chunk');
  if (stack.length)
    throw new RppSyntaxError(
      stack[stack.length - 1]!.line,
      `the <${stack[stack.length - 1]!.token} chunk is never closed`,
    );
  if (root.token !== 'REAPER_PROJECT')
    throw new RppSyntaxError(root.line, `expected <REAPER_PROJECT, got <${root.token}`);
  return root;
}

/** Quotes a parameter when REAPER would. */
export function quote(p: string | number): string {
  if (typeof p === 'number') return formatNumber(p);
  if (p === '' || /[\s"'`]/.test(p)) {
    if (!p.includes('"')) return `"${p}"`;
    if (!p.includes("'")) return `'${p}'`;
    return `\`${p.replace(/`/g, "'")}\``;
  }
  return p;
}

/** Numbers with enough digits to round-trip a double (frame-exact positions). */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(17)));
}

export type WriteNode = { token: string; params?: (string | number)[]; children?: WriteNode[]; raw?: string[] };

/** Serializes a tree (two-space indentation, as REAPER writes). */
export function writeRpp(root: WriteNode): string {
  const out: string[] = [];
  const emit = (n: WriteNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const head = [n.token, ...(n.params ?? []).map(quote)].join(' ');
    if (n.children || n.raw) {
      out.push(`${pad}<${head}`);
      for (const c of n.children ?? []) emit(c, depth + 1);
      for (const r of n.raw ?? []) out.push(`${pad}  ${r}`);
      out.push(`${pad}>`);
    } else {
      out.push(`${pad}${head}`);
    }
  };
  emit(root, 0);
  return `${out.join('\n')}\n`;
}

/** A parsed chunk back to text (for render-ready copies). */
export function chunkToWrite(c: RppNode): WriteNode {
  if (!isChunk(c)) return { token: c.token, params: c.params };
  return { token: c.token, params: c.params, children: c.children.map(chunkToWrite) };
}

export const findLine = (c: RppChunk, token: string): RppLine | undefined =>
  c.children.find((n) => !isChunk(n) && n.token === token);
export const findChunks = (c: RppChunk, token: string): RppChunk[] =>
  c.children.filter((n): n is RppChunk => isChunk(n) && n.token === token);
export const num = (l: RppLine | undefined, i: number, fallback: number): number => {
  const v = l ? Number(l.params[i]) : NaN;
  return Number.isFinite(v) ? v : fallback;
};
