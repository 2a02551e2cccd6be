/**
 * Types of the native reamp kernels (native/src/addon_reamp.cc): cabinet convolution, built-in
 * amp, overdrive, the tone stack alone, and the IR helpers. Every processing call runs as an
 * AsyncWorker on the libuv pool; one call per kernel in flight at a time.
 */
import { native, type PcmFormat } from '../../native.js';
import type { AmpVoice } from './params-amp.js';

export interface ReampKernel {
  /** Planar input (channelsIn channels of equal length) → the ready planar output (channelsOut). */
  process(planes: Float32Array[]): Promise<Float32Array[]>;
  /** Ends the stream: the remaining frames (total output frames == total input frames). */
  flush(): Promise<Float32Array[]>;
  info(): { channelsIn: number; channelsOut: number; blockSize?: number; partitions?: number; irLength?: number };
}

export interface ReampNative {
  /** ir: 1 or 2 planar channels at the DI rate; blockSize 0 lets the cost model choose (power of two, 32–32768). */
  CabConvolver: new (o: { ir: Float32Array[]; channelsIn: 1 | 2; blockSize: number }) => ReampKernel;
  BuiltinAmp: new (o: {
    sampleRate: number;
    voice: AmpVoice;
    gainDb: number;
    bass: number;
    mid: number;
    treble: number;
    presence: number;
    depth: number;
    masterDb: number;
    sag: number;
    levelDb: number;
    oversampling: number;
  }) => ReampKernel;
  Overdrive: new (o: {
    sampleRate: number;
    driveDb: number;
    tone: number;
    levelDb: number;
    oversampling: number;
  }) => ReampKernel;
  /** The amp voice's tone stack alone at the base rate (bilinear transform, no prewarping). */
  ToneStack: new (o: { sampleRate: number; voice: AmpVoice; bass: number; mid: number; treble: number }) => ReampKernel;
  /** Interleaved PCM → planar float (the project's decoder: every format the reader emits). */
  reampDecodePcm(pcm: Uint8Array, format: PcmFormat, frames: number, channels: number): Float32Array[];
  /**
   * Resamples each IR to sampleRate (shub::Resampler; scaled by its rate / sampleRate so its
   * continuous-time response keeps its level), times gain (linear), summed: stereo when any is.
   */
  reampBlendIrs(
    irs: { channels: Float32Array[]; sampleRate: number; gain: number }[],
    sampleRate: number,
  ): Promise<Float32Array[]>;
}

export function reampNative(): ReampNative {
  return native() as unknown as ReampNative;
}
