/**
 * The mix graph: the strips (tracks, buses, master) and clips the native Mixer renders
 * (native/src/mix/mixer.h), compiled from a recipe (here) or from a REAPER project
 * (src/rpp/to-graph.ts). Strip order is the processing order: every output and send goes to a
 * later strip, the master is last.
 */
import type { MixClipSpec, MixSpec, MixStripSpec } from '../../native.js';
import type { AudioFormat } from '../../io/format.js';
import type { ChainPreset, Recipe, RecipeBus, RecipeMaster, RecipeTrack, Role } from '../../recipes/mix-schema.js';
import type { KeyPath, LoadedRecipe } from '../../recipes/mix.js';
import { UsageError } from '../../errors.js';
import { DELAY_PARAMETERS, MIX_STRIP_PARAMETERS, REVERB_PARAMETERS } from '../dsp/params.js';

/** A recipe fader plus the staging's correction, held to the mixer's fader range. */
const STRIP_GAIN_DB = MIX_STRIP_PARAMETERS.gainDb.range;

export type StripKind = 'track' | 'bus' | 'master';

export interface GraphStrip extends MixStripSpec {
  kind: StripKind;
  role?: Role;
  /** Recipe key of the strip, for messages. */
  at?: string;
  mute?: boolean;
  solo?: boolean;
}

export interface GraphClip extends MixClipSpec {
  /** Absolute path of the source. */
  file: string;
  /** Where the clip came from, for messages (`mix.yaml:7 tracks[0].file`). */
  at: string;
}

export interface MixGraph {
  sampleRate: number;
  strips: GraphStrip[];
  clips: GraphClip[];
  /** Frames rendered: the last clip end plus the tail. */
  totalFrames: number;
  tailFrames: number;
  /** True-peak limiter after the master fader (run outside the mixer, latency compensated). */
  masterLimiter?: { ceilingDbtp: number; lookaheadMs?: number; releaseMs?: number };
}

/** The gain staging's choices, applied while compiling. */
export interface StagingGains {
  /** dB added to each track's gainDb, by track index. */
  trackGainDb: number[];
  /** dB trim at the master input (before its chain). */
  masterTrimDb: number;
}

type ChainFields = Pick<RecipeTrack, 'eq' | 'compressor' | 'gate' | 'saturation'>;

/** A chain preset with the strip's own keys on top. */
export function mergeChain(
  own: ChainFields & { chain?: string | undefined },
  chains: Map<string, ChainPreset>,
): ChainFields {
  const base: ChainFields = (own.chain ? chains.get(own.chain) : undefined) ?? {};
  return {
    eq: own.eq ?? base.eq,
    compressor: own.compressor ?? base.compressor,
    gate: own.gate ?? base.gate,
    saturation: own.saturation ?? base.saturation,
  };
}

function chainSpec(c: ChainFields): Partial<MixStripSpec> {
  const out: Partial<MixStripSpec> = {};
  if (c.eq?.length)
    out.eq = c.eq.map((b) => ({
      type: b.type,
      freqHz: b.freqHz,
      ...(b.q !== undefined ? { q: b.q } : {}),
      ...(b.gainDb !== undefined ? { gainDb: b.gainDb } : {}),
    }));
  if (c.compressor) out.compressor = { ...c.compressor };
  if (c.gate) out.gate = { ...c.gate };
  if (c.saturation) out.saturation = { ...c.saturation };
  return out;
}

/** Seconds a bus's delay or reverb rings after its input stops (to −60 dB). */
export function effectTailSeconds(bus: Pick<RecipeBus, 'delay' | 'reverb'>): number {
  let t = 0;
  if (bus.reverb)
    t = Math.max(t, bus.reverb.decaySeconds + (bus.reverb.preDelayMs ?? REVERB_PARAMETERS.preDelayMs.value) / 1000);
  if (bus.delay) {
    const fb = bus.delay.feedback ?? DELAY_PARAMETERS.feedback.value;
    const time = bus.delay.timeMs / 1000;
    t = Math.max(t, fb > 0 ? time * (1 + Math.log(1e-3) / Math.log(fb)) : time);
  }
  return t;
}

export interface CompileOptions {
  /** Stem formats by track index (probed by the caller). */
  formats: AudioFormat[];
  /** Absolute stem paths by track index. */
  files: string[];
  staging?: StagingGains;
  /** Print taps for a REAPER session (tracks pre-fader, buses and master as residuals). */
  print?: boolean;
}

/** Bus order: every bus before the buses it feeds (the recipe loader has ruled out loops). */
function busOrder(buses: RecipeBus[]): number[] {
  const index = new Map(buses.map((b, i) => [b.name, i]));
  const order: number[] = [];
  const done = new Set<number>();
  const feeds = (i: number) =>
    [buses[i]!.output, ...(buses[i]!.sends ?? []).map((s) => s.bus)]
      .filter((n): n is string => !!n)
      .map((n) => index.get(n)!);
  // reverse post-order of the "feeds" edges = topological order
  const visit = (i: number) => {
    if (done.has(i)) return;
    done.add(i);
    for (const j of feeds(i)) visit(j);
    order.unshift(i);
  };
  for (let i = 0; i < buses.length; i++) visit(i);
  return order;
}

export function compileRecipe(loaded: LoadedRecipe, options: CompileOptions): MixGraph {
  const { recipe, locate, chains } = loaded;
  const rate = recipe.sampleRate;
  const buses = recipe.buses ?? [];
  const order = busOrder(buses);
  const busStrip = new Map<string, number>();
  order.forEach((b, k) => busStrip.set(buses[b]!.name, recipe.tracks.length + k));
  const masterIndex = recipe.tracks.length + buses.length;
  const anySolo = recipe.tracks.some((t) => t.solo);
  const frames = (s: number) => Math.round(s * rate);
  const dest = (name: string | undefined) => (name ? busStrip.get(name)! : masterIndex);
  const sends = (list: RecipeTrack['sends']) =>
    (list ?? []).map((s) => ({
      dest: busStrip.get(s.bus)!,
      gain: 10 ** ((s.levelDb ?? 0) / 20),
      preFader: s.preFader ?? false,
    }));
  const flat = (pts: [number, number][] | undefined) => (pts ? pts.flatMap(([sec, v]) => [frames(sec), v]) : undefined);

  const strips: GraphStrip[] = [];
  const clips: GraphClip[] = [];
  recipe.tracks.forEach((t, i) => {
    const format = options.formats[i]!;
    const at: KeyPath = ['tracks', i, 'file'];
    if (format.channels > 2)
      throw new UsageError(
        `${locate(at)}: ${t.file} has ${format.channels} channels; ` +
          'shub mix takes mono or stereo stems (split it first)',
      );
    const channels = format.channels as 1 | 2;
    const gainDb = (t.gainDb ?? 0) + (options.staging?.trackGainDb[i] ?? 0);
    const gainAuto = flat(t.automation?.gainDb)?.map((v, k) =>
      k % 2 ? v + (options.staging?.trackGainDb[i] ?? 0) : v,
    );
    const panAuto = flat(t.automation?.pan);
    strips.push({
      kind: 'track',
      name: t.name,
      role: t.role ?? 'other',
      at: locate(['tracks', i]),
      channels,
      invert: t.polarity === 'inverted',
      ...chainSpec(mergeChain(t, chains)),
      gainDb: Math.max(STRIP_GAIN_DB[0], Math.min(STRIP_GAIN_DB[1], gainDb)),
      pan: t.pan ?? 0,
      ...(gainAuto ? { gainAutomation: gainAuto } : {}),
      ...(panAuto ? { panAutomation: panAuto } : {}),
      output: dest(t.output),
      sends: sends(t.sends),
      active: !t.mute && (!anySolo || !!t.solo),
      mute: !!t.mute,
      solo: !!t.solo,
      print: options.print ? (panAuto ? 'postPan' : 'preFader') : 'none',
    });
    const offset = frames(t.offsetSeconds ?? 0);
    const sourceFrames = format.frames ?? Math.round((format.durationSeconds ?? 0) * rate);
    const skip = Math.max(0, -offset);
    clips.push({
      strip: i,
      channels,
      startFrame: Math.max(0, offset),
      sourceOffsetFrames: skip,
      lengthFrames: Math.max(0, sourceFrames - skip),
      file: options.files[i]!,
      at: locate(at),
    });
  });
  let tailSeconds = 0;
  for (const b of order) {
    const bus = buses[b]!;
    tailSeconds = Math.max(tailSeconds, effectTailSeconds(bus));
    const chain = chainSpec(mergeChain(bus, chains));
    const processes = Object.keys(chain).length > 0 || !!bus.delay || !!bus.reverb;
    strips.push({
      kind: 'bus',
      name: bus.name,
      at: locate(['buses', b]),
      channels: 2,
      ...chain,
      ...(bus.delay ? { delay: { ...bus.delay } } : {}),
      ...(bus.reverb ? { reverb: { ...bus.reverb } } : {}),
      gainDb: bus.gainDb ?? 0,
      pan: bus.pan ?? 0,
      output: dest(bus.output),
      sends: sends(bus.sends),
      active: !bus.mute,
      mute: !!bus.mute,
      print: options.print && processes ? 'residual' : 'none',
    });
  }
  const master: RecipeMaster = recipe.master ?? {};
  const masterChain = chainSpec(mergeChain(master, chains));
  const trim = options.staging?.masterTrimDb ?? 0;
  strips.push({
    kind: 'master',
    name: 'Master',
    at: locate(['master']),
    channels: 2,
    trimDb: trim,
    ...masterChain,
    gainDb: master.gainDb ?? 0,
    pan: 0,
    output: -1,
    sends: [],
    active: true,
    print:
      options.print &&
      (Object.keys(masterChain).length > 0 || trim !== 0 || (master.gainDb ?? 0) !== 0 || master.limiter)
        ? 'residual'
        : 'none',
  });
  const tailFrames = frames(recipe.tailSeconds ?? tailSeconds);
  const end = clips.reduce((m, c) => Math.max(m, c.startFrame + c.lengthFrames), 0);
  return {
    sampleRate: rate,
    strips,
    clips,
    totalFrames: end + tailFrames,
    tailFrames,
    ...(master.limiter ? { masterLimiter: master.limiter } : {}),
  };
}

/** The native spec of a graph (drops the JS-only fields). */
export function mixSpec(graph: MixGraph, maxBlockFrames: number): MixSpec {
  return {
    sampleRate: graph.sampleRate,
    maxBlockFrames,
    strips: graph.strips.map(({ kind: _k, role: _r, at: _a, mute: _m, solo: _s, ...s }) => s),
    clips: graph.clips.map(({ file: _f, at: _a, ...c }) => c),
  };
}

export type { Recipe };
