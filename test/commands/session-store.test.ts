/**
 * The session's store for `-o -` (src/commands/context.ts): saveRun is wrapped so that the run records its
 * output as `-`, not the temporary file the audio was written to. The wrapper must pass the save's options
 * on (`SaveOptions.onlyIf`, the queue's condition that the attempt still holds its job): dropping them saved a
 * run that its condition would have refused. On the JSON store a conditional save is refused outright, so a
 * save carrying its condition through the wrapper is refused, and one without it is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { withSession, type CliContext } from '../../src/commands/context.js';
import { RunRecorder, uuidv7 } from '../../src/store/run.js';
import { tempDir } from '../helpers/cli.js';

/** A context with no config file (HOME and cwd an empty temp folder) and nothing on stdout/stderr. */
function quietContext(dir: string): CliContext {
  return {
    io: {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, '.config') },
      cwd: dir,
    },
    globals: () => ({}),
    argsOf: (command) => [command, 'in.wav', '-o', '-'],
    action:
      (run) =>
      async (...args) =>
        void (await run(...args)),
  };
}

test('`-o -` store wrapper: the output shown as `-`, and a save keeps its options (a condition)', async () => {
  const { dir, cleanup } = tempDir('shub-session-store-');
  try {
    const storeDir = path.join(dir, 'store');
    const seen: { plain: string; conditional: unknown; output: string | undefined; files: string[] } = {
      plain: '',
      conditional: undefined,
      output: undefined,
      files: [],
    };
    await withSession(quietContext(dir), 'mix', {}, async (s) => {
      const { output } = await s.audioOutput('-', { count: 1, defaultFormat: 'wav', command: 'mix' });
      assert.notEqual(output, '-', 'the audio goes to a temporary file first');
      const store = await s.openStore({ storeDir });
      const recorder = (runId: string) => {
        const r = new RunRecorder('mix', ['mix', 'in.wav', '-o', '-'], runId);
        r.outputs.push({ path: output, sha256: '0'.repeat(64), role: 'mix' });
        return r;
      };
      const plainId = uuidv7();
      seen.plain = await store.saveRun(recorder(plainId).finish(0));
      seen.output = (await store.getRun(plainId))?.outputs[0]?.path;
      let asked = 0;
      seen.conditional = await store
        .saveRun(recorder(uuidv7()).finish(0), {
          onlyIf: async () => {
            asked++;
            return 'the attempt no longer holds its job';
          },
        })
        .then(
          (where) => ({ where, asked }),
          (err: Error) => ({ refused: err.message, asked }),
        );
      seen.files = readdirSync(path.join(storeDir, 'runs'));
      return 0;
    });
    assert.match(seen.plain, /\.json$/);
    assert.equal(seen.output, '-');
    // the condition reached the store (which refuses conditional saves): nothing written, and not asked
    assert.deepEqual(seen.conditional, {
      refused: 'the JSON store cannot save a run under a condition (PostgreSQL only)',
      asked: 0,
    });
    assert.equal(seen.files.length, 1, `only the plain save wrote a run: ${seen.files.join(', ')}`);
  } finally {
    cleanup();
  }
});
