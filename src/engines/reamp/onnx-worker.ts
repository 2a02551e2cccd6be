/**
 * The thread an ONNX amp runs on (src/engines/reamp/onnx.ts): onnxruntime-node's `run` computes on
 * the calling thread, so each model gets a worker thread of its own and the main thread (reading,
 * the other stages, other DIs under `--jobs`) never waits on inference.
 *
 * Messages: in { id, x: Float32Array, dims }, out { id, y, type } or { id, error }; first out
 * { ready: { inputNames, outputNames, input } } or { failed: message }.
 */
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort!;
const { bytes } = workerData as { bytes: Uint8Array };
try {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const input = session.inputMetadata[0] as { isTensor: boolean; type?: string; shape?: readonly (number | string)[] };
  port.postMessage({
    ready: {
      inputNames: session.inputNames,
      outputNames: session.outputNames,
      input: { isTensor: input?.isTensor ?? false, type: input?.type, rank: input?.shape?.length ?? 0 },
    },
  });
  port.on('message', (m: { id: number; x: Float32Array; dims: number[] }) => {
    session
      .run({ [session.inputNames[0]!]: new ort.Tensor('float32', m.x, m.dims) })
      .then((r) => {
        const y = r[session.outputNames[0]!]!;
        if (y.type !== 'float32') {
          port.postMessage({ id: m.id, type: y.type });
          return;
        }
        const data = Float32Array.from(y.data as Float32Array);
        port.postMessage({ id: m.id, y: data, type: y.type }, [data.buffer]);
      })
      .catch((err: Error) => port.postMessage({ id: m.id, error: err.message.split('\n')[0] }));
  });
} catch (err) {
  port.postMessage({ failed: (err as Error).message.split('\n')[0] });
}
