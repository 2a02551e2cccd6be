/**
 * Progress bars (ink) rendered into a plain stream, no TTY: a 24-cell bar per file in progress with
 * its percentage, clamped to the bar, and the count of finished files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import React from 'react';

// ink draws live frames only outside CI (is-in-ci reads CI when ink loads); these tests are about the frames
process.env.CI = 'false';
process.env.CONTINUOUS_INTEGRATION = 'false';
const { render } = await import('ink');
const { ProgressView, startProgress } = await import('../../src/ui/progress.js');

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { columns: 100, rows: 30 });
  const text = () => chunks.join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return { stream, chunks, text };
}

test('ProgressView: bar cells and percentage per file, clamped bars, done/total', () => {
  const out = sink();
  const app = render(
    React.createElement(ProgressView, {
      rows: [
        { file: 'a.wav', fraction: 0.5 },
        { file: 'b.wav', fraction: 1 / 3 },
        { file: 'c.wav', fraction: -0.2 },
        { file: 'd.wav', fraction: 1.5 },
      ],
      done: 2,
      total: 7,
    }),
    { stdout: out.stream, debug: true, patchConsole: false },
  );
  app.unmount();
  const frame = out.chunks[0]!.split('\n');
  assert.deepEqual(frame.slice(0, 5), [
    `${'█'.repeat(12)}${'░'.repeat(12)}  50% a.wav`,
    `${'█'.repeat(8)}${'░'.repeat(16)}  33% b.wav`,
    `${'░'.repeat(24)} -20% c.wav`,
    `${'█'.repeat(24)} 150% d.wav`,
    '2/7 files',
  ]);
});

test('startProgress: files come and go as they finish; the count follows; stop() ends the display', async () => {
  const out = sink();
  const results = sink();
  const p = startProgress(3, out.stream, results.stream);
  p.update('a.wav', 0.5);
  p.update('b.wav', 0.25);
  await new Promise((r) => setTimeout(r, 60));
  p.update('a.wav', 1);
  p.update('a.wav', 1); // a file finishes once
  await new Promise((r) => setTimeout(r, 60));
  p.stop();
  const text = out.text();
  assert.match(text, /░+ {2}25% b\.wav\n1\/3 files/);
  assert.ok(!text.includes('2/3 files'));
});
