/**
 * shub's .RPP reader and writer: tokenizing, the chunk tree with line numbers, syntax errors, REAPER's
 * quoting rules, round-trip numbers, and the written text read by an independent parser (rppp).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rppp from 'rppp';
import {
  chunkToWrite,
  findChunks,
  findLine,
  formatNumber,
  isChunk,
  num,
  parseRpp,
  quote,
  RppSyntaxError,
  tokenize,
  writeRpp,
  type RppChunk,
  type RppNode,
  type WriteNode,
} from '../../src/rpp/parse.js';

interface Plain {
  token: string;
  params: string[];
  children?: Plain[];
}

/** shub's tree without line numbers. */
function plain(n: RppNode): Plain {
  return isChunk(n)
    ? { token: n.token, params: n.params, children: n.children.map(plain) }
    : { token: n.token, params: n.params };
}

interface RpppNode {
  token: string;
  params: unknown[];
  contents?: RpppNode[];
  b64Chunks?: string[];
}

/** rppp's tree in the same shape (rppp turns numeric parameters into numbers). */
function fromRppp(n: RpppNode): Plain {
  const params = n.params.map((p) => String(p));
  return n.contents ? { token: n.token, params, children: n.contents.map(fromRppp) } : { token: n.token, params };
}

const PROJECT = [
  '<REAPER_PROJECT 0.1 "7.0/x64" 1700000000',
  '  RIPPLE 0',
  '  <TRACK {0C7E4E57-1111-2222-3333-444455556666}',
  '    NAME "Lead vocal"',
  '    NOTES \'he said "hi"\'',
  '    VOLPAN 0.5 -0.25 -1 -1 1',
  '    <ITEM',
  '      POSITION 1.25',
  '      <SOURCE WAVE',
  '        FILE `it\'s "quoted"`',
  '      >',
  '    >',
  '  >',
  '>',
].join('\r\n');

test('tokenize: bare words, three quote styles, tabs, empty and unterminated strings', () => {
  assert.deepEqual(tokenize('NAME "Lead vocal" x'), ['NAME', 'Lead vocal', 'x']);
  assert.deepEqual(tokenize(`A 'b "c"' \`d 'e'\``), ['A', 'b "c"', "d 'e'"]);
  assert.deepEqual(tokenize('VOLPAN\t1  0.5\t-1'), ['VOLPAN', '1', '0.5', '-1']);
  assert.deepEqual(tokenize('RENDER_PATTERN ""'), ['RENDER_PATTERN', '']);
  assert.deepEqual(tokenize('NAME "no end here'), ['NAME', 'no end here']);
  assert.deepEqual(tokenize('   '), []);
});

test('parseRpp: the chunk tree with parameters and 1-based line numbers (CRLF too)', () => {
  const root = parseRpp(PROJECT);
  assert.deepEqual(plain(root), {
    token: 'REAPER_PROJECT',
    params: ['0.1', '7.0/x64', '1700000000'],
    children: [
      { token: 'RIPPLE', params: ['0'] },
      {
        token: 'TRACK',
        params: ['{0C7E4E57-1111-2222-3333-444455556666}'],
        children: [
          { token: 'NAME', params: ['Lead vocal'] },
          { token: 'NOTES', params: ['he said "hi"'] },
          { token: 'VOLPAN', params: ['0.5', '-0.25', '-1', '-1', '1'] },
          {
            token: 'ITEM',
            params: [],
            children: [
              { token: 'POSITION', params: ['1.25'] },
              { token: 'SOURCE', params: ['WAVE'], children: [{ token: 'FILE', params: [`it's "quoted"`] }] },
            ],
          },
        ],
      },
    ],
  });
  const track = findChunks(root, 'TRACK')[0]!;
  assert.equal(track.line, 3);
  assert.equal(findLine(track, 'VOLPAN')!.line, 6);
  assert.equal(num(findLine(track, 'VOLPAN'), 1, 9), -0.25);
  assert.equal(num(findLine(track, 'VOLPAN'), 7, 9), 9, 'a missing parameter gives the fallback');
  assert.equal(num(findLine(track, 'NAME'), 0, 9), 9, 'a non-number gives the fallback');
  assert.equal(num(undefined, 0, 3), 3);
  assert.equal(findLine(track, 'ITEM'), undefined, 'findLine finds lines, not chunks');
  // rppp reads the same tree
  assert.deepEqual(fromRppp(rppp.parse(PROJECT) as unknown as RpppNode), plain(root));
});

test('syntax errors carry the line they are about', () => {
  const fails = (text: string, line: number, message: RegExp) =>
    assert.throws(
      () => parseRpp(text),
      (e: unknown) => e instanceof RppSyntaxError && e.line === line && message.test(e.message),
    );
  fails('<REAPER_PROJECT\n  <TRACK\n  >\n', 1, /the <REAPER_PROJECT chunk is never closed/);
  fails('<REAPER_PROJECT\n  <TRACK\n', 2, /the <TRACK chunk is never closed/);
  fails('<REAPER_PROJECT\n>\n>\n', 3, /a '>' closes nothing/);
  fails('RIPPLE 0\n', 1, /outside the <REAPER_PROJECT chunk/);
  fails('<REAPER_PROJECT\n>\n<REAPER_PROJECT\n>\n', 3, /text after the end of the project/);
  fails('<TRACK\n>\n', 1, /expected <REAPER_PROJECT, got <TRACK/);
  fails('\n\n', 1, /no <REAPER_PROJECT chunk/);
});

test('quote: as REAPER quotes (none, double, single, backtick); numbers round-trip a double', () => {
  assert.equal(quote('WAVE'), 'WAVE');
  assert.equal(quote(''), '""');
  assert.equal(quote('a b'), '"a b"');
  assert.equal(quote('say "hi"'), `'say "hi"'`);
  assert.equal(quote(`it's "x"`), '`it\'s "x"`');
  assert.equal(quote('`both` \' "'), "`'both' ' \"`", 'backticks inside a backtick string become single quotes');
  assert.equal(quote(48000), '48000');
  assert.equal(quote(-0.25), '-0.25');
  for (const x of [1 / 3, 0.1 + 0.2, 12345 / 48000, 10 ** (-4.5 / 20), Math.PI * 1e-9]) {
    assert.equal(Number(formatNumber(x)), x, `${x}`);
    assert.ok(formatNumber(x).length <= 24);
  }
  assert.equal(formatNumber(0.1), '0.1', 'no binary noise');
});

test('writeRpp: two-space indentation, raw lines; read back by parseRpp and by rppp', () => {
  const tree: WriteNode = {
    token: 'REAPER_PROJECT',
    params: [0.1, '7.0/shub', 1],
    children: [
      { token: 'NAME', params: ['Mix "final"', '', 2 / 3] },
      {
        token: 'TRACK',
        params: ['{ABC}'],
        children: [{ token: 'ITEM', children: [{ token: 'FILE', params: ["a b/it's.wav"] }] }],
      },
      { token: 'RENDER_CFG', raw: ['ZXZhdxgAAQ=='] },
    ],
  };
  const text = writeRpp(tree);
  assert.equal(
    text,
    [
      '<REAPER_PROJECT 0.1 7.0/shub 1',
      `  NAME 'Mix "final"' "" ${formatNumber(2 / 3)}`,
      '  <TRACK {ABC}',
      '    <ITEM',
      `      FILE "a b/it's.wav"`,
      '    >',
      '  >',
      '  <RENDER_CFG',
      '    ZXZhdxgAAQ==',
      '  >',
      '>',
      '',
    ].join('\n'),
  );
  const back = parseRpp(text);
  assert.deepEqual(findLine(back, 'NAME')!.params, ['Mix "final"', '', formatNumber(2 / 3)]);
  const theirs = rppp.parse(text) as unknown as RpppNode;
  const name = theirs.contents!.find((c) => c.token === 'NAME')!;
  assert.deepEqual(name.params, ['Mix "final"', '', 2 / 3]);
  const item = theirs.contents!.find((c) => c.token === 'TRACK')!.contents![0]!;
  assert.deepEqual(item.contents![0]!.params, ["a b/it's.wav"]);
  assert.deepEqual(theirs.contents!.find((c) => c.token === 'RENDER_CFG')!.b64Chunks, ['ZXZhdxgAAQ==']);
});

test('chunkToWrite: a parsed project written back parses to the same tree', () => {
  const root: RppChunk = parseRpp(PROJECT);
  const again = parseRpp(writeRpp(chunkToWrite(root)));
  assert.deepEqual(plain(again), plain(root));
});
