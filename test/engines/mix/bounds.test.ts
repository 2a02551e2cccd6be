/**
 * The mix engine's bounds (issue 18 points 11, 12, 14): declared limits and their overrides, block
 * and read sizes that keep per-track memory O(block), and native rejections reported as the
 * session's fault (exit 2, naming the strip's place in the file) instead of an internal error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIX_LIMITS, resolveLimits, wavBytes } from '../../../src/engines/mix/limits.js';
import { blockFramesFor, renderGraph, sourceBlockBytes } from '../../../src/engines/mix/render.js';
import type { MixGraph } from '../../../src/engines/mix/graph.js';
import { ExitCode, UsageError } from '../../../src/errors.js';

test('limits: declared defaults, config over defaults, --limit over config, each checked against its range', () => {
  assert.deepEqual(resolveLimits(undefined), {
    sessionSeconds: 14400,
    offsetSeconds: 14400,
    tracks: 2048,
    fileBytes: 16777216,
  });
  for (const spec of Object.values(MIX_LIMITS)) assert.ok(spec.unit && spec.description && spec.integer);
  const l = resolveLimits(['tracks=10'], { tracks: 5, fileBytes: 4096 });
  assert.equal(l.tracks, 10);
  assert.equal(l.fileBytes, 4096);
  assert.throws(
    () => resolveLimits(['tracks=0']),
    /--limit tracks: expected an integer in \[1, 65536\] tracks, got '0'/,
  );
  assert.throws(() => resolveLimits(['frames=3']), /--limit: expected NAME=VALUE with NAME one of sessionSeconds/);
  assert.equal(wavBytes(48000, 2), 44 + 48000 * 8);
});

test('per-track memory is O(block): blocks and reads shrink as tracks grow, within fixed budgets', () => {
  assert.equal(blockFramesFor(3), 16384);
  assert.equal(blockFramesFor(501), 4096);
  assert.equal(blockFramesFor(2001), 1024);
  assert.equal(sourceBlockBytes(8), 1 << 18);
  assert.equal(sourceBlockBytes(2000), 8192);
  assert.equal(sourceBlockBytes(100000), 4096);
  // strip state (≤ 32 bytes a frame) and read buffers stay within their budgets up to 2,048 tracks
  for (const n of [1, 100, 500, 1000, 2048]) {
    assert.ok(n * blockFramesFor(n) * 32 <= 64 << 20, `${n} strips`);
    assert.ok(n * sourceBlockBytes(n) <= 24 << 20, `${n} sources`);
  }
});

test('a value the native mixer rejects is a usage error naming the strip in the file (not exit 5)', async () => {
  const graph: MixGraph = {
    sampleRate: 48000,
    totalFrames: 10,
    tailFrames: 0,
    clips: [],
    strips: [
      { kind: 'track', name: 't', at: 'r.yaml:4 tracks[0]', channels: 1, gainDb: 1000, pan: 0, output: 1, sends: [] },
      { kind: 'master', name: 'Master', at: 'r.yaml master', channels: 2, gainDb: 0, pan: 0, output: -1, sends: [] },
    ],
  };
  await assert.rejects(renderGraph(graph, { sources: [], output: null }), (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.equal(err.exitCode, ExitCode.usage);
    assert.equal(err.message, 'r.yaml:4 tracks[0]: gainDb must be a number in [-150, 48] dB, got 1000');
    return true;
  });
});
