/**
 * The independent NAM runner of the tests and bench: `@opendaw/nam-wasm` (MIT), a WebAssembly build of
 * NeuralAmpModelerCore. It uses the core's fast tanh, prewarms a model on silence when it loads, and runs at most
 * `blockSize` frames per process() call (longer buffers are truncated), so input is fed in blocks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface NamWasm {
  setSampleRate(rate: number): void;
  setMaxBufferSize(size: number): void;
  createInstance(): number;
  destroyInstance(id: number): void;
  loadModel(id: number, json: string): boolean;
  process(id: number, input: Float32Array, output: Float32Array): void;
  dispose(): void;
}
interface NamWasmPackage {
  createNamModule(options: { wasmBinary: Uint8Array }): Promise<unknown>;
  NamWasmModule: { fromModule(module: unknown, blockSize: number): NamWasm };
}

export const NAM_WASM_BLOCK = 4096;

let loaded: Promise<{ pkg: NamWasmPackage; wasm: Uint8Array } | null> | null = null;
/** The package, or null when it is not installed. */
export function namWasmPackage(): Promise<{ pkg: NamWasmPackage; wasm: Uint8Array } | null> {
  loaded ??= (async () => {
    try {
      const pkg = (await import('@opendaw/nam-wasm' as string)) as NamWasmPackage;
      const require = createRequire(import.meta.url);
      const wasm = readFileSync(require.resolve('@opendaw/nam-wasm/nam.wasm'));
      return { pkg, wasm };
    } catch {
      return null;
    }
  })();
  return loaded;
}

/** Runs a .nam document's JSON on x at `sampleRate` with nam-wasm. */
export async function namWasmRun(json: string, sampleRate: number, x: Float32Array): Promise<Float32Array> {
  const p = await namWasmPackage();
  if (!p) throw new Error('@opendaw/nam-wasm is not installed');
  const module = await p.pkg.createNamModule({ wasmBinary: p.wasm });
  const nam = p.pkg.NamWasmModule.fromModule(module, NAM_WASM_BLOCK);
  try {
    nam.setSampleRate(sampleRate);
    nam.setMaxBufferSize(NAM_WASM_BLOCK);
    const id = nam.createInstance();
    if (!nam.loadModel(id, json)) throw new Error('nam-wasm refused the model');
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i += NAM_WASM_BLOCK) {
      const n = Math.min(NAM_WASM_BLOCK, x.length - i);
      const out = new Float32Array(n);
      nam.process(id, x.subarray(i, i + n), out);
      y.set(out, i);
    }
    nam.destroyInstance(id);
    return y;
  } finally {
    nam.dispose();
  }
}
