/**
 * feedSource (engines/analysis/pipeline.ts): every sink takes every block in order while it is valid, a fast
 * sink does not wait for a slow one block by block, the relay's mono mix reaches its sinks unchanged, and a NaN
 * block is an input error with nothing left running. The source reuses three buffers as WavSource does, so a
 * block read after its buffer was refilled shows the wrong number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { feedSource, type MonoSink, type MonoSource, type PcmSink } from '../../src/engines/analysis/pipeline.js';
import type { AudioSource, PcmBlock } from '../../src/io/audio.js';
import type { AddPcmResult } from '../../src/native.js';
import { InputError } from '../../src/errors.js';

const FRAMES = 64;

/** `blocks` blocks of FRAMES u8 mono frames, block k filled with k, in three buffers that are reused. */
function fakeSource(blocks: number): AudioSource {
  const pool = [Buffer.alloc(FRAMES), Buffer.alloc(FRAMES), Buffer.alloc(FRAMES)];
  let k = 0;
  return {
    file: 'fake.wav',
    format: { sampleRate: 1000 },
    read: async (): Promise<PcmBlock | null> => {
      if (k >= blocks) return null;
      const buf = pool[k % 3]!;
      buf.fill(k & 0xff);
      k++;
      return { pcm: buf, format: 'u8', frames: FRAMES };
    },
  } as unknown as AudioSource;
}

const ok: AddPcmResult = { nonFiniteSamples: 0, firstNonFiniteFrame: -1 };

/** A sink that records the block number it saw at the start and at the end of each call (after `delayMs`). */
function recorder(delayMs: number, events: string[], name: string) {
  const seen: number[] = [];
  const sink: PcmSink = {
    addPcm: async (pcm) => {
      const at = pcm[0]!;
      events.push(`${name} start ${at}`);
      if (delayMs) await sleep(delayMs);
      assert.ok(
        pcm.every((v) => v === at),
        `${name}: block ${at} was overwritten while in use`,
      );
      seen.push(at);
      events.push(`${name} end ${at}`);
      return ok;
    },
  };
  return { sink, seen };
}

test('each sink gets every block in order, intact; a fast sink runs ahead of a slow one', async () => {
  const events: string[] = [];
  const slow = recorder(4, events, 'slow');
  const fast = recorder(0, events, 'fast');
  const progress: number[] = [];
  const frames = await feedSource(fakeSource(12), [slow.sink, fast.sink], (d) => progress.push(d));
  const all = Array.from({ length: 12 }, (_, k) => k);
  assert.deepEqual(slow.seen, all);
  assert.deepEqual(fast.seen, all);
  assert.equal(frames, 12 * FRAMES);
  assert.deepEqual(
    progress,
    all.map((k) => (k + 1) * FRAMES),
  );
  // no barrier: the fast sink finished block 1 before the slow one finished block 0
  assert.ok(events.indexOf('fast end 1') < events.indexOf('slow end 0'), events.join('; '));
});

test('the relay: each block mono mix reaches the relayed sinks as written, none trails out of its buffer', async () => {
  const mono: number[] = [];
  let out: Float32Array | null = null;
  const from: MonoSource = {
    exportMono: (b) => {
      out = b;
    },
    addPcm: async (pcm, _format, frames) => {
      // the "mono mix": the block number, and its position in the block
      for (let i = 0; i < frames; i++) out![i] = pcm[0]! + i / 1000;
      return ok;
    },
  };
  const seenBy = (delayMs: number): { sink: MonoSink; seen: number[] } => {
    const seen: number[] = [];
    return {
      seen,
      sink: {
        addMono: async (m, frames) => {
          const at = m[0]!;
          if (delayMs) await sleep(delayMs);
          for (let i = 0; i < frames; i++)
            assert.equal(m[i], Math.fround(at + i / 1000), `mono of block ${at} overwritten`);
          seen.push(at);
          mono.push(at);
          return ok;
        },
      },
    };
  };
  const a = seenBy(3);
  const b = seenBy(0);
  await feedSource(fakeSource(10), [from], undefined, { from, to: [a.sink, b.sink] });
  const all = Array.from({ length: 10 }, (_, k) => k);
  assert.deepEqual(a.seen, all);
  assert.deepEqual(b.seen, all);
  assert.equal(out, null, 'the export is cleared at the end');
});

test("the relay's buffers: one allocation from `allocate` for every slot, each block's mono intact", async () => {
  const allocated: ArrayBuffer[] = [];
  const exported = new Set<ArrayBufferLike>();
  let out: Float32Array | null = null;
  const from: MonoSource = {
    exportMono: (b) => {
      out = b;
      if (b) exported.add(b.buffer);
    },
    addPcm: async (pcm, _format, frames) => {
      for (let i = 0; i < frames; i++) out![i] = pcm[0]! + i / 1000;
      return ok;
    },
  };
  const seen: number[] = [];
  const sink: MonoSink = {
    addMono: async (m, frames) => {
      await sleep(1);
      for (let i = 0; i < frames; i++) assert.equal(m[i], Math.fround(m[0]! + i / 1000));
      seen.push(m[0]!);
      return ok;
    },
  };
  const allocate = (bytes: number) => {
    const b = new ArrayBuffer(bytes);
    allocated.push(b);
    return b;
  };
  await feedSource(fakeSource(8), [from], undefined, { from, to: [sink], allocate });
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7]);
  // three slots of FRAMES floats in one buffer, the only one the mono mix was written to
  assert.deepEqual(
    allocated.map((b) => b.byteLength),
    [3 * FRAMES * 4],
  );
  assert.deepEqual([...exported], allocated);
});

test('a block with NaN/Inf samples is an input error, in block order, with no call left running', async () => {
  let running = 0;
  const sink = (delayMs: number, bad: number | undefined): PcmSink => ({
    addPcm: async (pcm) => {
      running++;
      const at = pcm[0]!;
      await sleep(delayMs);
      running--;
      return at === bad ? { nonFiniteSamples: 2, firstNonFiniteFrame: at * FRAMES + 5 } : ok;
    },
  });
  await assert.rejects(
    feedSource(fakeSource(20), [sink(1, 6), sink(3, undefined)]),
    (e: unknown) => e instanceof InputError && /2 NaN\/Inf samples \(first at 0\.389 s\)/.test(e.message),
  );
  assert.equal(running, 0);
});
