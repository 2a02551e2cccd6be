/**
 * `shub drums detect|replace|quantize|humanize` (issue 13) over a drum session (YAML: tracks with
 * an instrument each, src/recipes/drums.ts) or plain files (one whole-kit stem each).
 *
 * detect: the tracks are read in lockstep (src/commands/drums-io.ts) through the session detector
 * (src/engines/drums/session.ts): hits per close mic with bleed across close mics rejected, hits of
 * whole-kit stems classified; one NDJSON line per track; `--midi` writes the hits as a Standard
 * MIDI File. Every rejected bleed hit and every classification is a decision of the run.
 * replace, quantize and humanize (on audio) run the same detection first (detectSession), so they take the same
 * `--param` (DRUMS_DETECT_PARAMETERS), set around the detector's calls there, recorded there; a parameter that only
 * sets a stem's hit classes (DRUMS_CLASS_ONLY_TABLES) changes nothing they write, and they say so (one warning each).
 */
import path from 'node:path';
import { ExitCode, exitCodeOf, InputError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { hashFile } from '../io/hash.js';
import { quotePath } from '../io/names.js';
import { OutputPlan } from '../io/outputs.js';
import { drumMidi, GM_DRUM_NOTES, parseMidi, writeParsedMidi, type MidiHit } from '../engines/drums/midi.js';
import { DrumSessionDetector, type SessionHit, type TrackDetection } from '../engines/drums/session.js';
import { STEM_BANDS } from '../engines/drums/stem.js';
import { stemReadsMembrane } from '../engines/drums/stem-model.js';
import {
  isSessionFile,
  loadDrumSession,
  loadKit,
  plainSession,
  type DrumSessionFile,
  type KitPieceName,
  type SessionTrack,
} from '../recipes/drums.js';
import { LayerPicker, Replacer, transientStart, type KitSample } from '../engines/drums/replace.js';
import * as DRUM_TABLES from '../engines/drums/params.js';
import { DETECT_PARAMETERS, DRUM_BUS, QUANTIZE_PARAMETERS, REPLACE_PARAMETERS } from '../engines/drums/params.js';
import type { ParameterSpec } from '../engines/analysis/params.js';
import { gridMoves, humanMoves, seededRandom, SliceMover, slicePoints, type Move } from '../engines/drums/quantize.js';
import { estimateTempo } from '../engines/tempo/index.js';
import { RunRecorder } from '../store/run.js';
import type { Decision } from '../store/types.js';
import { envelope, type Reported, type RunContext } from './batch.js';
import type { Command } from 'commander';
import { defineCommand, withSession, type CliContext, type Session } from './context.js';
import type { FfmpegFlag, InputFlags, JsonFlag, OverwriteFlag, StoreFlags } from './options.js';
import { inputOf, lockstep, mono, openTracks, readSample, trackFileName } from './drums-io.js';
import { collectParam, listParams, paramFlagHelp, recordParams, resolveParams, tablesByName } from './params.js';
import { parameterSpec, withParams } from './params.js';
import type { ParameterTables, ParameterValues } from './params.js';

// ---- detect ----------------------------------------------------------------------------------

export interface DetectHitResult {
  timeSeconds: number;
  instrument: string;
  velocity: number;
  peakDb: number;
  confidence: number;
}

export interface BleedResult {
  timeSeconds: number;
  /** The close mic whose hit it is. */
  source: string;
  sourceTimeSeconds: number | null;
  /** This mic's peak against the source mic's, dB. */
  levelRatioDb: number;
  /** How much later it arrives here than on the source, ms. */
  lagMs: number;
  /** What is left after subtracting the predicted leak, dB re the hit. */
  residualDb: number;
}

/**
 * What `drums detect --param` can set: every table of the detection engines (src/engines/drums/params.ts; not
 * replace's or quantize's), by its name without `_PARAMETERS` in camel case (`stemRing.ringMs`: a name two tables
 * share is given with its table's); the model (`model`) among its shipped presets.
 */
export const DRUMS_DETECT_PARAMETERS: ParameterTables = {
  tables: tablesByName(
    DRUM_TABLES,
    (k) => k.endsWith('_PARAMETERS') && k !== 'REPLACE_PARAMETERS' && k !== 'QUANTIZE_PARAMETERS',
  ),
  choices: new Map<ParameterSpec, readonly number[]>([
    [DRUM_TABLES.STEM_MODEL_PARAMETERS.model, DRUM_TABLES.STEM_MODEL_PRESETS],
  ]),
};

/**
 * The detection tables that only set a whole-kit stem's hit classes: they never add, drop or move a hit (a second
 * piece included) nor change its level, so replace (close mics' hits), quantize and humanize (every track's hit
 * times: slicePoints) read nothing they set; `--param` says so there (classOnlyParams). What reads each
 * (src/engines/drums/):
 * - stemModel, stemModelCluster: applyStemModel sets `h.cls` and `h.confidence` of the hits made (stem-model.ts);
 * - stemKickless, stemFloortom: applyKicklessStem / applyFloorTomCluster set `h.cls = 'tom'` only;
 * - stemMembrane: membraneCue and clickDb (stem.ts), read by the model and the kickless rule only;
 * - stemCymbalRing, stemCymbalReference, stemTomClearSnare, stemBrushDecay, stemRingGlide, stemHatShell,
 *   stemHatPartial, stemBell (and its lateFlatness: byBellRing and the model), stemMaskedKick: the second-pass rules
 *   after byStruckWithKick in classifyStemHits, each through relabel() only (the main class; a second piece stays).
 * Not class-only: stem and detect (they find the hits), the close mics' (bleed, pair, swell, ring, shot), the band
 * rule's (stemClass, stemOverlap, stemKick, stemRing: classifyStemHit gives a hit its second piece) and the rules'
 * up to byStruckWithKick (a hit read as a kick there gains or loses a second piece: a hit reported).
 */
export const DRUMS_CLASS_ONLY_TABLES: readonly string[] = [
  'stemModel',
  'stemModelCluster',
  'stemKickless',
  'stemFloortom',
  'stemMembrane',
  'stemCymbalRing',
  'stemCymbalReference',
  'stemTomClearSnare',
  'stemBrushDecay',
  'stemRingGlide',
  'stemHatShell',
  'stemHatPartial',
  'stemBell',
  'stemMaskedKick',
];

/**
 * The `--param` names (checked values) that set only a stem's classes (DRUMS_CLASS_ONLY_TABLES), in their order. The
 * three that decide whether the stem's first pass measures the membrane cue (stemReadsMembrane: useModel, model,
 * kicklessFallSt) count only while the values leave that as it is: without the cue StemAnalyzer.spectra reads one
 * event per call, so the last hits of a stem may lose their spectral features and, with them, a second piece.
 */
export function classOnlyParams(values: ParameterValues): string[] {
  const names = Object.keys(values);
  if (!names.length) return [];
  const spec = (n: string) => parameterSpec(DRUMS_DETECT_PARAMETERS, n);
  const tables = DRUMS_DETECT_PARAMETERS.tables;
  const only = new Set(DRUMS_CLASS_ONLY_TABLES.flatMap((t) => Object.values(tables[t] ?? {})));
  const cue: ParameterSpec[] = [
    DRUM_TABLES.STEM_MODEL_PARAMETERS.useModel,
    DRUM_TABLES.STEM_MODEL_PARAMETERS.model,
    DRUM_TABLES.STEM_KICKLESS_PARAMETERS.kicklessFallSt,
  ];
  const switches =
    names.some((n) => cue.includes(spec(n))) &&
    withParams(DRUMS_DETECT_PARAMETERS, values, stemReadsMembrane) !== stemReadsMembrane();
  return names.filter((n) => only.has(spec(n)) && !(switches && cue.includes(spec(n))));
}

/** One NDJSON line of `drums detect`: one per track. */
export interface DetectResult {
  track: string;
  file: string;
  instrument: string;
  /** close: triggered; mix: hits classified; ambient: overheads/room, never triggered. */
  role: TrackDetection['role'];
  sampleRate: number;
  durationSeconds: number;
  hits: DetectHitResult[];
  rejected: { bleed: number };
  bleed: BleedResult[];
  /** The `--param` values this run used (those that differ from their defaults); absent when none. */
  parameters?: ParameterValues;
}

/** A run that went through: its results recorded and passed to `onResult` one by one, then the run saved. */
async function closeRun<R>(
  recorder: RunRecorder,
  o: RunContext & { onResult?: (r: R) => void },
  results: readonly R[],
): Promise<void> {
  for (const r of results) {
    recorder.results.push(r);
    o.onResult?.(r);
  }
  await o.store.saveRun(recorder.finish(ExitCode.ok));
}

/** The options of every verb that detects (detect, replace, quantize, humanize on audio). */
export interface DetectParamsOption {
  /** `--param`: the detection engines' parameters moved from their defaults (DRUMS_DETECT_PARAMETERS). */
  params?: ParameterValues;
}

/** A result's `parameters` field: the `--param` values of the run; none when none differ (the output unchanged). */
const parametersField = (p: ParameterValues | undefined): { parameters?: ParameterValues } =>
  p && Object.keys(p).length ? { parameters: p } : {};

export interface DetectOptions extends RunContext, DetectParamsOption {
  /** A session YAML, or audio files (one `mix` track each). */
  inputs: string[];
  midi?: string;
  bpm?: number;
  overwrite?: boolean;
  onResult?: (r: Reported<DetectResult>) => void;
}

/** A session's detection, with its sample-exact hits (replace and quantize use them). */
export interface SessionDetection {
  session: DrumSessionFile;
  sampleRate: number;
  frames: number;
  channels: (1 | 2)[];
  tracks: TrackDetection[];
  results: DetectResult[];
  decisions: Decision[];
  /** The `--param` values the detector ran with (checked; those that differ from their defaults). */
  params: ParameterValues;
}

/** The session the arguments name: one YAML file, or audio files. */
export async function sessionOf(inputs: string[]): Promise<DrumSessionFile> {
  const yaml = inputs.filter(isSessionFile);
  if (yaml.length && inputs.length > 1)
    throw new UsageError('give one drum session (YAML) or audio files, not both; list the files in the session');
  if (inputs.length === 0) throw new UsageError('no input: give a drum session (YAML) or audio files');
  return yaml.length ? loadDrumSession(yaml[0]!) : plainSession(inputs);
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/**
 * Reads a session once and detects its hits (the shared first pass of every verb); the `--param` values checked
 * and recorded as the run's `drums.parameters` decision (recordParams) before anything is read.
 */
export async function detectSession(
  session: DrumSessionFile,
  tracks: SessionTrack[],
  o: RunContext & DetectParamsOption,
  recorder: RunRecorder,
  verb?: 'replace' | 'quantize' | 'humanize',
): Promise<SessionDetection> {
  const params = recordParams(recorder, 'drums', DRUMS_DETECT_PARAMETERS, o.params);
  // a verb that reads the hits' times and levels only: a parameter that sets a stem's classes changes nothing there
  if (verb)
    for (const name of classOnlyParams(params)) {
      const note =
        `--param ${name}=${params[name]} changes nothing here (it sets a whole-kit stem's hit classes, which ` +
        `${verb} does not read); shub drums detect reads it`;
      o.onWarning?.(`shub drums ${verb}: ${note}`);
      recorder.decide({ engine: 'drums.parameters', decision: 'unused', value: name, reason: note });
    }
  // the parameters are set around each synchronous call of the detector only: a process running other work
  // between the blocks never sees them
  const set = <T>(fn: () => T): T => withParams(DRUMS_DETECT_PARAMETERS, params, fn);
  const where = session.file ? quotePath(session.file) : quotePath(tracks[0]!.file);
  const { sources, format } = await openTracks(tracks, o.ffmpeg, where);
  let frames = 0;
  const det = set(
    () =>
      new DrumSessionDetector(
        format.sampleRate,
        tracks.map((t) => t.instrument),
      ),
  );
  try {
    for await (const blocks of lockstep(sources, format, tracks)) {
      set(() => det.push(blocks.map(mono)));
      frames += blocks[0]![0]!.length;
    }
    for (const s of sources) recorder.inputs.push(await inputOf(s));
  } finally {
    for (const s of sources) await s.close().catch(() => undefined);
  }
  const rate = format.sampleRate;
  const found = set(() => det.finish());
  const decisions: Decision[] = [];
  const results = tracks.map((t, i): DetectResult => {
    const d = found[i]!;
    if (d.role !== 'ambient' && d.hits.length === 0)
      o.onWarning?.(`${quotePath(t.file)} ('${t.name}'): no hits found (silence?); its list is empty`);
    for (const b of d.bleed)
      decisions.push({
        engine: 'drums.bleed',
        decision: 'reject',
        value: b.timeSeconds,
        unit: 's',
        reason:
          `a hit on '${t.name}' at ${b.timeSeconds.toFixed(4)} s is '${tracks[b.source]!.name}' leaking: ` +
          `${b.levelRatioDb} dB against it, ${b.lagMs} ms later, ${b.residualDb} dB left after subtracting the leak`,
        inputs: {
          track: t.name,
          source: tracks[b.source]!.name,
          levelRatioDb: b.levelRatioDb,
          lagMs: b.lagMs,
          residualDb: b.residualDb,
        },
      });
    if (d.role === 'mix')
      for (const h of d.hits)
        decisions.push({
          engine: 'drums.classify',
          decision: 'class',
          value: h.instrument,
          reason: `hit at ${h.timeSeconds.toFixed(4)} s on '${t.name}': ${h.classReason ?? ''}`,
          inputs: { track: t.name, timeSeconds: h.timeSeconds, secondary: h.secondary ?? false, ...stemInputs(h) },
          confidence: h.confidence,
        });
    if (d.role === 'ambient')
      decisions.push({
        engine: 'drums.detect',
        decision: 'notTriggered',
        value: t.name,
        reason: `'${t.name}' is ${t.instrument}: it hears the whole kit, so it is moved with the kit, never triggered`,
      });
    return {
      track: t.name,
      file: t.file,
      instrument: t.instrument,
      role: d.role,
      sampleRate: rate,
      durationSeconds: r6(frames / rate),
      hits: d.hits.map((h) => ({
        timeSeconds: h.timeSeconds,
        instrument: h.instrument,
        velocity: h.velocity,
        peakDb: h.peakDb,
        confidence: h.confidence,
      })),
      rejected: { bleed: d.bleed.length },
      bleed: d.bleed.map((b) => ({
        timeSeconds: b.timeSeconds,
        source: tracks[b.source]!.name,
        sourceTimeSeconds: b.sourceTimeSeconds,
        levelRatioDb: b.levelRatioDb,
        lagMs: b.lagMs,
        residualDb: b.residualDb,
      })),
      ...parametersField(params),
    };
  });
  return { session, sampleRate: rate, frames, channels: format.channels, tracks: found, results, decisions, params };
}

/** A stem hit's features by band name, for the decision log. */
function stemInputs(h: SessionHit): Record<string, number> {
  const f = h.features;
  if (!f) return {};
  const out: Record<string, number> = {};
  STEM_BANDS.forEach((b, i) => {
    out[`${b}Share`] = f.share[i]!;
    out[`${b}AddedDb`] = f.addedDb[i]!;
    out[`${b}DecayMs`] = f.decayMs[i]!;
  });
  return out;
}

/** GM notes per track: toms high → low in session order (50, 47, 45); a stem's tom is the mid tom. */
export function midiNotes(tracks: readonly SessionTrack[], detections: readonly TrackDetection[]): MidiHit[] {
  const toms = [GM_DRUM_NOTES.highTom, GM_DRUM_NOTES.midTom, GM_DRUM_NOTES.lowTom];
  let tomIndex = 0;
  const out: MidiHit[] = [];
  tracks.forEach((t, i) => {
    const tomNote = t.instrument === 'tom' ? toms[Math.min(tomIndex++, toms.length - 1)]! : GM_DRUM_NOTES.midTom;
    for (const h of detections[i]!.hits)
      out.push({ timeSeconds: h.timeSeconds, note: noteOf(h, tomNote), velocity: h.velocity });
  });
  return out.sort((a, b) => a.timeSeconds - b.timeSeconds || a.note - b.note);
}

function noteOf(h: SessionHit, tomNote: number): number {
  switch (h.instrument) {
    case 'tom':
      return tomNote;
    case 'kick':
    case 'snare':
    case 'hihat':
    case 'crash':
    case 'ride':
    case 'percussion':
      return GM_DRUM_NOTES[h.instrument];
  }
}

export async function drumsDetect(
  o: DetectOptions,
): Promise<{ exitCode: ExitCode; results: Reported<DetectResult>[] }> {
  const recorder = new RunRecorder('drums', o.args ?? [], o.runId);
  try {
    const session = await sessionOf(o.inputs);
    const plan = new OutputPlan(
      [...(session.file ? [session.file] : []), ...session.tracks.map((t) => t.file)],
      o.overwrite ?? false,
    );
    if (o.midi) plan.claim(o.midi, 'MIDI file');
    if (o.midi && !session.file && session.tracks.length > 1)
      throw new UsageError('--midi writes one file: give one stem, or list the tracks in a drum session');
    const detection = await detectSession(session, session.tracks, o, recorder);
    for (const d of detection.decisions) recorder.decide(d);
    const results = detection.results.map((r) => envelope(r, recorder.runId));
    if (o.midi) {
      const hits = midiNotes(session.tracks, detection.tracks);
      await writeFileAtomic(
        o.midi,
        drumMidi(hits, o.bpm ?? null, session.file ? path.basename(session.file) : 'shub drums'),
      );
      recorder.outputs.push({ path: o.midi, sha256: await hashFile(o.midi), role: 'midi' });
      recorder.decide({
        engine: 'drums.midi',
        decision: 'tempo',
        value: o.bpm ?? null,
        unit: 'BPM',
        reason: o.bpm
          ? `--bpm ${o.bpm}: written as the file's tempo, hits placed at it (PPQ 960)`
          : 'no tempo given (--bpm): no tempo event, hits placed at the SMF default of 120 BPM (PPQ 960)',
        inputs: { notes: hits.length },
      });
    }
    await closeRun(recorder, o, results);
    return { exitCode: ExitCode.ok, results };
  } catch (err) {
    throw await recorder.failWith(o.store, o.inputs[0] ?? null, err);
  }
}

// ---- printing a session ------------------------------------------------------------------------

/** What a verb does to one track while the session is printed: planar blocks in, planar blocks out. */
export interface TrackProcessor {
  channels: number;
  push(block: Float32Array[]): Float32Array[];
  finish(): Float32Array[];
}

const interleave = (planar: Float32Array[]): Float32Array => {
  const ch = planar.length;
  if (ch === 1) return planar[0]!; // mono is its own interleaving
  const n = planar[0]?.length ?? 0;
  const out = new Float32Array(n * ch);
  for (let c = 0; c < ch; c++) {
    const x = planar[c]!;
    for (let i = 0; i < n; i++) out[i * ch + c] = x[i]!;
  }
  return out;
};

/**
 * Second pass over the session: every track read again in lockstep, through its processor (null:
 * copied as it is), into 32-bit float WAVs (all renamed into place together, or none).
 */
async function printSession(
  tracks: readonly SessionTrack[],
  where: string,
  o: RunContext,
  processors: (TrackProcessor | null)[],
  outputs: string[],
): Promise<Map<string, string>> {
  const { WavFileSet } = await import('../io/wav-writer.js');
  // the second pass: detectSession read, hashed and scanned every track already
  const { sources, format } = await openTracks(tracks, o.ffmpeg, where, true);
  const set = new WavFileSet();
  try {
    const writers = await Promise.all(
      tracks.map((_, i) =>
        set.create(outputs[i]!, {
          sampleRate: format.sampleRate,
          channels: processors[i]?.channels ?? format.channels[i]!,
          format: 'f32',
          // every track keeps its length: the output's sha256 is taken while it is written
          ...(format.frames > 0 ? { frames: format.frames } : {}),
        }),
      ),
    );
    for await (const blocks of lockstep(sources, format, tracks))
      for (let i = 0; i < tracks.length; i++) {
        const p = processors[i];
        await writers[i]!.write(interleave(p ? p.push(blocks[i]!) : blocks[i]!));
      }
    for (let i = 0; i < tracks.length; i++) {
      const p = processors[i];
      if (p) await writers[i]!.write(interleave(p.finish()));
    }
    return await set.finish();
  } catch (err) {
    await set.abort();
    throw err;
  } finally {
    for (const s of sources) await s.close().catch(() => undefined);
  }
}

/** Where each track is written in `dir`: `<track name>.wav`. */
function outputFiles(tracks: readonly SessionTrack[], dir: string, suffix = ''): string[] {
  const used = new Map<string, number>();
  return tracks.map((t) => {
    let base = trackFileName(t.name) + suffix;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    if (n) base = `${base}-${n + 1}`;
    return path.join(dir, `${base}.wav`);
  });
}

// ---- replace ---------------------------------------------------------------------------------

export interface PlacementResult {
  timeSeconds: number;
  sample: string;
  velocity: number;
  /** Where the sample's transient went against the detected start, samples (sub-sample). */
  shiftSamples: number;
  gainDb: number;
  polarity: 1 | -1;
}

export interface ReplaceTrackResult {
  track: string;
  file: string;
  instrument: string;
  output: string;
  replaced: boolean;
  /** Why a track was left as it was. */
  note?: string;
  polarity?: 'normal' | 'inverted';
  hits: number;
  /** Uses per sample file (relative to the kit). */
  samples?: Record<string, number>;
  placements?: PlacementResult[];
  /** The `--param` values this run's detection used; absent when none. */
  parameters?: ParameterValues;
}

export interface ReplaceOptions extends RunContext, DetectParamsOption {
  inputs: string[];
  kit: string;
  output: string;
  mix?: number;
  rpp?: string;
  recipe?: string;
  overwrite?: boolean;
  onResult?: (r: Reported<ReplaceTrackResult>) => void;
}

export async function drumsReplace(o: ReplaceOptions): Promise<Reported<ReplaceTrackResult>[]> {
  const recorder = new RunRecorder('drums', o.args ?? [], o.runId);
  try {
    const session = await sessionOf(o.inputs);
    const kit = await loadKit(o.kit);
    const tracks = session.tracks;
    const plan = new OutputPlan(
      [...(session.file ? [session.file] : []), ...tracks.map((t) => t.file), o.kit, ...kit.files],
      o.overwrite ?? false,
    );
    const outs = outputFiles(tracks, o.output);
    outs.forEach((f, i) => plan.claim(f, `the output of track '${tracks[i]!.name}'`));
    if (o.rpp) plan.claim(o.rpp, 'REAPER session');
    if (o.recipe) plan.claim(o.recipe, 'mix recipe');
    const mix = o.mix ?? REPLACE_PARAMETERS.mix.value;
    const where = session.file ? quotePath(session.file) : quotePath(tracks[0]!.file);
    const detection = await detectSession(session, tracks, o, recorder, 'replace');
    for (const d of detection.decisions) recorder.decide(d);
    const rate = detection.sampleRate;
    const samples = new Map<string, KitSample>();
    const kitDir = path.dirname(path.resolve(o.kit));
    for (const [piece, layers] of Object.entries(kit.pieces))
      for (const l of layers)
        for (const f of l.files)
          if (!samples.has(f)) {
            const x = await readSample(
              f,
              rate,
              o.ffmpeg,
              REPLACE_PARAMETERS.maxSampleSeconds.value,
              `${l.at} (${piece})`,
            );
            samples.set(f, { samples: x, lead: transientStart(x), name: path.relative(kitDir, f) });
          }
    const replacers = tracks.map((t, i) => {
      const d = detection.tracks[i]!;
      const layers = kit.pieces[t.instrument as KitPieceName];
      if (d.role !== 'close' || !layers) return null;
      const picker = new LayerPicker(layers);
      return new Replacer(
        rate,
        d.hits.map((h) => ({ sample: h.sample, pick: () => samples.get(picker.pick(h.velocity).file)! })),
        mix,
        true, // printSession writes each block before the next push
        Math.max(0, ...[...samples.values()].map((k) => k.lead)),
      );
    });
    const processors = replacers.map((r): TrackProcessor | null =>
      r ? { channels: 1, push: (b) => [r.push(mono(b))], finish: () => [r.finish()] } : null,
    );
    const sha = await printSession(tracks, where, o, processors, outs);
    const results = tracks.map((t, i): ReplaceTrackResult => {
      const r = replacers[i];
      const d = detection.tracks[i]!;
      recorder.outputs.push({
        path: outs[i]!,
        sha256: sha.get(outs[i]!) ?? '',
        role: r ? 'drums:replaced' : 'drums:track',
      });
      const track = { track: t.name, file: t.file, instrument: t.instrument, output: outs[i]! };
      const parameters = parametersField(detection.params);
      if (!r)
        return {
          ...track,
          replaced: false,
          note:
            d.role === 'ambient'
              ? 'overheads/room: copied as they are'
              : d.role === 'mix'
                ? 'a whole-kit stem: copied as it is (replace needs close mics)'
                : `the kit has no ${t.instrument}: copied as it is`,
          hits: d.hits.length,
          ...parameters,
        };
      const pl = r.placements;
      const inverted = pl.filter((p) => p.polarity < 0).length;
      const polarity = inverted * 2 > pl.length ? 'inverted' : 'normal';
      const uses: Record<string, number> = {};
      for (const p of pl) uses[p.sample] = (uses[p.sample] ?? 0) + 1;
      recorder.decide({
        engine: 'drums.replace',
        decision: 'polarity',
        value: polarity,
        reason:
          `'${t.name}': ${pl.length - inverted} of ${pl.length} hits correlate positively with their sample` +
          `${polarity === 'inverted' ? ', so the mic is inverted and the samples are placed inverted to match' : ''}`,
        inputs: { track: t.name, inverted, hits: pl.length },
      });
      recorder.decide({
        engine: 'drums.replace',
        decision: 'samples',
        value: uses,
        reason:
          `'${t.name}': each hit's velocity picks a layer of ${t.instrument}, its alternatives taken in turn ` +
          `(round robin); each sample fitted to the hit's attack (${REPLACE_PARAMETERS.fitMs.value} ms: level, ` +
          `polarity, delay to a fraction of a sample); mix ${mix}`,
        inputs: { track: t.name, mix },
      });
      return {
        ...track,
        replaced: true,
        polarity,
        hits: pl.length,
        samples: uses,
        placements: pl.map((p, k) => ({
          timeSeconds: r6(p.hitSample / rate),
          sample: p.sample,
          velocity: d.hits[k]!.velocity,
          shiftSamples: Math.round(p.shiftSamples * 1000) / 1000 + 0,
          gainDb: Math.round(2000 * Math.log10(Math.max(p.gain, 1e-9))) / 100,
          polarity: p.polarity,
        })),
        ...parameters,
      };
    });
    if (o.rpp) {
      const { buildDrumSession } = await import('../rpp/drums.js');
      const rppTracks = tracks.flatMap((t, i) => [
        ...(replacers[i] ? [{ name: `${t.name} (original)`, file: t.file, muted: true }] : []),
        { name: t.name, file: outs[i]!, muted: false },
      ]);
      await writeFileAtomic(
        o.rpp,
        buildDrumSession({ sessionFile: o.rpp, sampleRate: rate, frames: detection.frames, tracks: rppTracks }),
      );
      recorder.outputs.push({ path: o.rpp, sha256: await hashFile(o.rpp), role: 'session:reaper' });
    }
    if (o.recipe) await writeDrumRecipe(o.recipe, tracks, outs, rate, recorder);
    const reported = results.map((r) => envelope(r, recorder.runId));
    await closeRun(recorder, o, reported);
    return reported;
  } catch (err) {
    throw await recorder.failWith(o.store, o.inputs[0] ?? null, err);
  }
}

/** Mix roles of the drum instruments. */
const ROLE_OF: Record<SessionTrack['instrument'], string> = {
  kick: 'kick',
  snare: 'snare',
  tom: 'toms',
  hihat: 'hats',
  ride: 'overheads',
  crash: 'overheads',
  overheads: 'overheads',
  room: 'room',
  percussion: 'percussion',
  mix: 'drums',
};

/**
 * The drum-bus mix recipe (`--recipe`) over the written tracks, for `shub mix`: every track into
 * a glue-compressed Drums bus, a parallel-compression return (Drums Crush) and a room reverb return
 * (Room Verb) fed by the close mics. Paths are relative to the recipe.
 */
async function writeDrumRecipe(
  file: string,
  tracks: readonly SessionTrack[],
  outs: string[],
  rate: number,
  recorder: RunRecorder,
): Promise<void> {
  const { stringify } = await import('yaml');
  const dir = path.dirname(path.resolve(file));
  const rel = (f: string) => path.relative(dir, path.resolve(f)).split(path.sep).join('/');
  const ambient = (t: SessionTrack) => t.instrument === 'overheads' || t.instrument === 'room';
  const recipe = {
    sampleRate: rate,
    tracks: tracks.map((t, i) => ({
      name: t.name,
      file: rel(outs[i]!),
      role: ROLE_OF[t.instrument],
      output: 'Drums',
      sends: [
        { bus: 'Drums Crush', levelDb: DRUM_BUS.crushSendDb },
        ...(ambient(t) ? [] : [{ bus: 'Room Verb', levelDb: DRUM_BUS.roomSendDb }]),
      ],
    })),
    buses: [
      { name: 'Drums Crush', gainDb: DRUM_BUS.crushReturnDb, compressor: { ...DRUM_BUS.crush }, output: 'Drums' },
      { name: 'Room Verb', reverb: { ...DRUM_BUS.room }, output: 'Drums' },
      { name: 'Drums', compressor: { ...DRUM_BUS.glue } },
    ],
  };
  const text =
    '# drum bus written by shub drums: glue compressor on Drums, parallel compression (Drums Crush),\n' +
    '# room reverb return (Room Verb); render with: shub mix <this file> -o drums.wav\n' +
    stringify(recipe);
  await writeFileAtomic(file, text);
  recorder.outputs.push({ path: file, sha256: await hashFile(file), role: 'recipe:mix' });
  recorder.decide({
    engine: 'drums.recipe',
    decision: 'drumBus',
    value: DRUM_BUS,
    reason:
      `a mix recipe for ${tracks.length} tracks: all into 'Drums' (glue ${DRUM_BUS.glue.ratio}:1 at ` +
      `${DRUM_BUS.glue.thresholdDb} dB), a parallel compression return (${DRUM_BUS.crush.ratio}:1 at ` +
      `${DRUM_BUS.crush.thresholdDb} dB, ${DRUM_BUS.crushReturnDb} dB under), a room reverb return ` +
      `(${DRUM_BUS.room.decaySeconds} s) fed ${DRUM_BUS.roomSendDb} dB from the close mics`,
    inputs: { recipe: file },
  });
}

// ---- quantize and humanize ----------------------------------------------------------------------

export interface MoveResult {
  fromSeconds: number;
  toSeconds: number;
  ms: number;
  gridSeconds: number | null;
  moved: boolean;
  gainDb?: number;
}

/** The one line of `drums quantize` / `drums humanize` on audio: the session's moves and its outputs. */
export interface SliceResult {
  session: string;
  verb: 'quantize' | 'humanize';
  bpm?: number;
  bpmSource?: 'given' | 'auto';
  grid?: string;
  gridStartSeconds?: number;
  stepSeconds?: number;
  strength?: number;
  window?: number;
  swing?: number;
  seed?: number;
  slices: number;
  moved: number;
  moves: MoveResult[];
  tracks: { track: string; file: string; output: string }[];
  durationSeconds: number;
  /** The `--param` values this run's detection used; absent when none. */
  parameters?: ParameterValues;
}

/** The numbers quantize and humanize take, the same in their options and on the command line (`--timing-ms` …). */
export interface SliceSettings {
  /** Quantize: the grid's first line (s; default: fitted to the hits), strength, window and swing. */
  gridStart?: number;
  strength?: number;
  window?: number;
  swing?: number;
  /** Humanize: the largest timing (ms) and velocity moves, and the random seed. */
  timingMs?: number;
  velocity?: number;
  seed?: number;
}

export interface SliceOptions extends RunContext, SliceSettings, DetectParamsOption {
  inputs: string[];
  output: string;
  verb: 'quantize' | 'humanize';
  /** Quantize: grid as a note value (1/16 → 0.0625) and its text. */
  grid?: { value: number; text: string };
  bpm?: number | 'auto';
  rpp?: string;
  recipe?: string;
  overwrite?: boolean;
  onResult?: (r: Reported<SliceResult>) => void;
}

/** The tempo of a session from its hits (the tempo engine on an onset envelope made of them). */
function tempoOfHits(
  slices: readonly { sample: number; velocity: number }[],
  rate: number,
  frames: number,
): number | null {
  const hop = 0.01;
  const odf = new Float64Array(Math.ceil(frames / rate / hop) + 1);
  for (const h of slices) odf[Math.round(h.sample / rate / hop)]! += h.velocity / 127;
  return estimateTempo({ odf, hopSeconds: hop, onsetTimes: slices.map((h) => h.sample / rate) }).bpm;
}

export async function drumsSlices(o: SliceOptions): Promise<Reported<SliceResult>> {
  const recorder = new RunRecorder('drums', o.args ?? [], o.runId);
  try {
    const session = await sessionOf(o.inputs);
    const tracks = session.tracks;
    const plan = new OutputPlan(
      [...(session.file ? [session.file] : []), ...tracks.map((t) => t.file)],
      o.overwrite ?? false,
    );
    const outs = outputFiles(tracks, o.output);
    outs.forEach((f, i) => plan.claim(f, `the output of track '${tracks[i]!.name}'`));
    if (o.rpp) plan.claim(o.rpp, 'REAPER session');
    if (o.recipe) plan.claim(o.recipe, 'mix recipe');
    const where = session.file ? quotePath(session.file) : quotePath(tracks[0]!.file);
    const detection = await detectSession(session, tracks, o, recorder, o.verb);
    for (const d of detection.decisions) recorder.decide(d);
    const rate = detection.sampleRate;
    const triggered = detection.tracks.filter((d) => d.role !== 'ambient');
    const slices = slicePoints(
      triggered.map((d) => d.hits.map((h) => h.sample)),
      rate,
    );
    if (slices.length === 0) o.onWarning?.(`${where}: no hits, so nothing to ${o.verb}; the tracks are copied`);
    const velocityAt = (sample: number) =>
      Math.max(
        0,
        ...triggered.flatMap((d) =>
          d.hits.filter((h) => Math.abs(h.sample - sample) <= 0.03 * rate).map((h) => h.velocity),
        ),
      );
    recorder.decide({
      engine: 'drums.slices',
      decision: 'slicePoints',
      value: slices.length,
      reason:
        `the hits of ${triggered.length} triggered track(s), those within ${QUANTIZE_PARAMETERS.clusterMs.value} ms ` +
        'of each other taken as one kit event (its earliest start): every track is cut there: all mics move together',
    });
    let moves: Move[];
    const result: Partial<SliceResult> = {};
    if (o.verb === 'quantize') {
      let bpm: number;
      if (o.bpm === undefined || o.bpm === 'auto') {
        const est = tempoOfHits(
          slices.map((sample) => ({ sample, velocity: velocityAt(sample) })),
          rate,
          detection.frames,
        );
        if (est === null) throw new UsageError(`${where}: too few hits to find the tempo; give it with --bpm N`);
        bpm = Math.round(est * 100) / 100;
        recorder.decide({
          engine: 'drums.quantize',
          decision: 'bpm',
          value: bpm,
          unit: 'BPM',
          reason: "--bpm auto: the tempo engine on an onset envelope made of the kit's hits",
        });
      } else bpm = o.bpm;
      const g = gridMoves(slices, {
        rate,
        bpm,
        grid: o.grid!.value,
        startSeconds: o.gridStart ?? null,
        ...(o.strength !== undefined ? { strength: o.strength } : {}),
        ...(o.window !== undefined ? { window: o.window } : {}),
        ...(o.swing !== undefined ? { swing: o.swing } : {}),
      });
      moves = g.moves;
      recorder.decide({
        engine: 'drums.quantize',
        decision: 'gridStart',
        value: Math.round(g.phaseSeconds * 1e6) / 1e6,
        unit: 's',
        reason:
          o.gridStart !== undefined
            ? `--grid-start ${o.gridStart}`
            : `the grid's phase fitted to the hits (their circular mean on a ${o.grid!.text} step of ` +
              `${(g.stepSeconds * 1000).toFixed(2)} ms)`,
      });
      Object.assign(result, {
        bpm,
        bpmSource: o.bpm === undefined || o.bpm === 'auto' ? 'auto' : 'given',
        grid: o.grid!.text,
        gridStartSeconds: Math.round(g.phaseSeconds * 1e6) / 1e6,
        stepSeconds: Math.round(g.stepSeconds * 1e6) / 1e6,
        strength: o.strength ?? QUANTIZE_PARAMETERS.strength.value,
        window: o.window ?? QUANTIZE_PARAMETERS.window.value,
        swing: o.swing ?? QUANTIZE_PARAMETERS.swing.value,
      });
    } else {
      const seed = o.seed ?? 1;
      moves = humanMoves(slices, rate, {
        timingMs: o.timingMs ?? QUANTIZE_PARAMETERS.timingMs.value,
        velocity: o.velocity ?? QUANTIZE_PARAMETERS.velocity.value,
        seed,
        dbPerVelocity: DETECT_PARAMETERS.velocityRangeDb.value / 126,
      });
      Object.assign(result, { seed });
    }
    for (const m of moves)
      recorder.decide({
        engine: `drums.${o.verb}`,
        decision: m.moved ? 'move' : 'keep',
        value: Math.round(((m.to - m.from) * 1e5) / rate) / 100 + 0,
        unit: 'ms',
        reason: `hit at ${(m.from / rate).toFixed(4)} s: ${m.reason}`,
        inputs: {
          fromSeconds: r6(m.from / rate),
          toSeconds: r6(m.to / rate),
          gridSeconds: m.grid === null ? null : r6(m.grid / rate),
        },
      });
    const processors = tracks.map((_, i): TrackProcessor => {
      const mover = new SliceMover(rate, detection.channels[i]!, moves);
      return { channels: detection.channels[i]!, push: (b) => mover.push(b), finish: () => mover.finish() };
    });
    const sha = await printSession(tracks, where, o, processors, outs);
    outs.forEach((f) => recorder.outputs.push({ path: f, sha256: sha.get(f) ?? '', role: `drums:${o.verb}` }));
    if (o.rpp) {
      const { buildDrumSession } = await import('../rpp/drums.js');
      await writeFileAtomic(
        o.rpp,
        buildDrumSession({
          sessionFile: o.rpp,
          sampleRate: rate,
          frames: detection.frames,
          tracks: tracks.map((t, i) => ({ name: t.name, file: outs[i]!, muted: false })),
        }),
      );
      recorder.outputs.push({ path: o.rpp, sha256: await hashFile(o.rpp), role: 'session:reaper' });
    }
    if (o.recipe) await writeDrumRecipe(o.recipe, tracks, outs, rate, recorder);
    const line = envelope(
      {
        session: session.file ?? tracks[0]!.file,
        verb: o.verb,
        ...result,
        slices: slices.length,
        moved: moves.filter((m) => m.moved).length,
        moves: moves.map((m) => ({
          fromSeconds: r6(m.from / rate),
          toSeconds: r6(m.to / rate),
          ms: Math.round(((m.to - m.from) * 1e5) / rate) / 100 + 0,
          gridSeconds: m.grid === null ? null : r6(m.grid / rate),
          moved: m.moved,
          ...(o.verb === 'humanize' ? { gainDb: Math.round(2000 * Math.log10(m.gain)) / 100 + 0 } : {}),
        })),
        tracks: tracks.map((t, i) => ({ track: t.name, file: t.file, output: outs[i]! })),
        durationSeconds: r6(detection.frames / rate),
        ...parametersField(detection.params),
      } as SliceResult,
      recorder.runId,
    );
    await closeRun(recorder, o, [line]);
    return line;
  } catch (err) {
    throw await recorder.failWith(o.store, o.inputs[0] ?? null, err);
  }
}

export interface MidiHumanizeResult {
  file: string;
  output: string;
  seed: number;
  notes: number;
  moves: { tick: number; toTick: number; note: number; velocity: number; toVelocity: number }[];
}

/** Humanize a MIDI file: every note-on (and its note-off) moved by up to ±timing, its velocity by up to ±velocity. */
export async function humanizeMidiFile(
  o: RunContext &
    Pick<SliceSettings, 'timingMs' | 'velocity' | 'seed'> & {
      input: string;
      output: string;
      overwrite?: boolean;
    },
): Promise<Reported<MidiHumanizeResult>> {
  const recorder = new RunRecorder('drums', o.args ?? [], o.runId);
  try {
    const plan = new OutputPlan([o.input], o.overwrite ?? false);
    plan.claim(o.output, 'humanized MIDI file');
    const { readFile } = await import('node:fs/promises');
    let bytes: Buffer;
    try {
      bytes = await readFile(o.input);
    } catch (err) {
      throw new InputError(
        o.input,
        `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    let midi;
    try {
      midi = parseMidi(bytes);
    } catch (err) {
      throw new InputError(o.input, `is not a readable MIDI file: ${(err as Error).message}`);
    }
    const seed = o.seed ?? 1;
    const rnd = seededRandom(seed);
    const timing = o.timingMs ?? QUANTIZE_PARAMETERS.timingMs.value;
    const vel = o.velocity ?? QUANTIZE_PARAMETERS.velocity.value;
    const ticksPerMs = midi.ppq / (midi.usPerQuarter / 1000);
    const moves: MidiHumanizeResult['moves'] = [];
    for (const t of midi.tracks) {
      const open = new Map<string, number>();
      for (const e of t.events) {
        const st = e.bytes[0]! & 0xf0;
        const key = `${e.bytes[0]! & 0x0f}/${e.bytes[1]}`;
        if (st === 0x90 && e.bytes[2]! > 0) {
          const dt = Math.round((rnd() * 2 - 1) * timing * ticksPerMs);
          const dv = Math.round((rnd() * 2 - 1) * vel);
          const to = Math.max(0, e.tick + dt);
          const v = Math.max(1, Math.min(127, e.bytes[2]! + dv));
          moves.push({ tick: e.tick, toTick: to, note: e.bytes[1]!, velocity: e.bytes[2]!, toVelocity: v });
          open.set(key, to - e.tick);
          e.tick = to;
          e.bytes[2] = v;
        } else if (st === 0x80 || (st === 0x90 && e.bytes[2] === 0)) {
          const d = open.get(key);
          if (d !== undefined) {
            e.tick = Math.max(0, e.tick + d);
            open.delete(key);
          }
        }
      }
    }
    await writeFileAtomic(o.output, writeParsedMidi(midi));
    recorder.inputs.push({ path: o.input, sizeBytes: bytes.length, sha256: await hashFile(o.input), format: null });
    recorder.outputs.push({ path: o.output, sha256: await hashFile(o.output), role: 'midi' });
    recorder.decide({
      engine: 'drums.humanize',
      decision: 'midi',
      value: { timingMs: timing, velocity: vel, seed },
      reason: `each of ${moves.length} notes moved by up to ±${timing} ms and ±${vel} velocity (uniform, seed ${seed})`,
    });
    const line = envelope({ file: o.input, output: o.output, seed, notes: moves.length, moves }, recorder.runId);
    recorder.results.push(line);
    await o.store.saveRun(recorder.finish(ExitCode.ok));
    return line;
  } catch (err) {
    throw await recorder.failWith(o.store, o.input, err);
  }
}

// ---- the command line -----------------------------------------------------------------------

export interface DrumsFlags extends JsonFlag, FfmpegFlag, StoreFlags, OverwriteFlag, InputFlags, SliceSettings {
  /** `--param NAME=VALUE` (the verbs that detect), repeatable. */
  param?: string[];
  midi?: string;
  bpm?: number;
  kit?: string;
  output?: string;
  mix?: number;
  rpp?: string;
  recipe?: string;
  grid?: string;
}

const parseGrid = (value: string): { value: number; text: string } => {
  const m = /^1\/(\d+)(t?)$/.exec(value.trim());
  const d = m ? Number(m[1]) : NaN;
  if (!m || ![1, 2, 4, 8, 16, 32, 64].includes(d))
    throw new UsageError(`--grid: expected a note value such as 1/8, 1/16 or 1/16t (triplet), got '${value}'`);
  return { value: (1 / d) * (m[2] ? 2 / 3 : 1), text: value.trim() };
};

const parseBpmOrAuto = (value: string): number | 'auto' => (value === 'auto' ? 'auto' : parseBpm(value));

const parseRange =
  (name: string, lo: number, hi: number, integer = false) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n)))
      throw new UsageError(
        `${name}: expected ${integer ? 'a whole number' : 'a number'} from ${lo} to ${hi}, got '${value}'`,
      );
    return n;
  };

const parseUnit =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new UsageError(`${name}: expected a number from 0 to 1, got '${value}'`);
    return n;
  };

const parseBpm = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 20 || n > 400)
    throw new UsageError(`--bpm: expected a tempo from 20 to 400, got '${value}'`);
  return n;
};

/** Runs one verb: its results printed (NDJSON with --json), its failure reported as the session's error. */
async function runVerb<R>(
  s: Session,
  first: string,
  flags: JsonFlag & StoreFlags,
  format: (r: R) => string,
  work: (context: Required<RunContext>, print: (r: R) => void) => Promise<void>,
): Promise<number> {
  await s.openStore(flags);
  const output = s.output<R>(flags, { format });
  try {
    await work(s.runContext(output), (r) => output.result(r));
  } catch (err) {
    output.error(first, err);
    return exitCodeOf(err);
  }
  return ExitCode.ok;
}

/** `--param` of a verb that detects, checked before anything is read or written (a bad value: exit 2). */
const detectParams = (flags: DrumsFlags): ParameterValues => resolveParams(DRUMS_DETECT_PARAMETERS, flags.param);

/** The `--param` option of the verbs that detect; replace, quantize and humanize name detect's list. */
const DETECT_LIST = 'shub drums detect --param list';
const paramOption = (cmd: Command, list = '--param list'): Command =>
  cmd.option('--param <name=value>', paramFlagHelp('drum detection', list), collectParam);

export async function detectCli(ctx: CliContext, files: string[], flags: DrumsFlags): Promise<number> {
  if (flags.param?.includes('list')) {
    ctx.io.stdout.write(`${listParams(DRUMS_DETECT_PARAMETERS)}\n`);
    return ExitCode.ok;
  }
  if (files.length === 0) throw new UsageError("missing required argument 'session'");
  const params = detectParams(flags);
  return withSession(ctx, 'drums', flags, async (s) => {
    const inputs = await s.inputs(files, flags);
    return runVerb<Reported<DetectResult>>(s, inputs[0] ?? '', flags, formatDetectText, async (context, print) => {
      await drumsDetect({
        ...context,
        inputs,
        ...(flags.midi ? { midi: flags.midi } : {}),
        ...(flags.bpm !== undefined ? { bpm: flags.bpm } : {}),
        overwrite: flags.overwrite ?? false,
        onResult: print,
        params,
      });
    });
  });
}

export async function replaceCli(ctx: CliContext, files: string[], flags: DrumsFlags): Promise<number> {
  const params = detectParams(flags);
  return withSession(ctx, 'drums', flags, async (s) => {
    const inputs = await s.inputs(files, flags);
    return runVerb<Reported<ReplaceTrackResult>>(
      s,
      inputs[0] ?? '',
      flags,
      formatReplaceText,
      async (context, print) => {
        await drumsReplace({
          ...context,
          inputs,
          kit: flags.kit!,
          output: flags.output!,
          ...(flags.mix !== undefined ? { mix: flags.mix } : {}),
          ...(flags.rpp ? { rpp: flags.rpp } : {}),
          ...(flags.recipe ? { recipe: flags.recipe } : {}),
          overwrite: flags.overwrite ?? false,
          onResult: print,
          params,
        });
      },
    );
  });
}

export async function quantizeCli(ctx: CliContext, files: string[], flags: DrumsFlags): Promise<number> {
  return sliceCli(ctx, files, flags, 'quantize');
}

export async function humanizeCli(ctx: CliContext, files: string[], flags: DrumsFlags): Promise<number> {
  return sliceCli(ctx, files, flags, 'humanize');
}

async function sliceCli(
  ctx: CliContext,
  files: string[],
  flags: DrumsFlags,
  verb: 'quantize' | 'humanize',
): Promise<number> {
  const params = detectParams(flags);
  return withSession(ctx, 'drums', flags, async (s) => {
    const inputs = await s.inputs(files, flags);
    const common = {
      ...(flags.timingMs !== undefined ? { timingMs: flags.timingMs } : {}),
      ...(flags.velocity !== undefined ? { velocity: flags.velocity } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      overwrite: flags.overwrite ?? false,
    };
    if (verb === 'humanize' && inputs.length === 1 && /\.midi?$/i.test(inputs[0]!)) {
      if (Object.keys(params).length)
        throw new UsageError('--param sets the detection of audio; a MIDI file is humanized without detecting');
      return runVerb<Reported<MidiHumanizeResult>>(
        s,
        inputs[0]!,
        flags,
        (r) => `${quotePath(r.output)}: ${r.notes} notes humanized (seed ${r.seed})`,
        async (context, print) => {
          print(await humanizeMidiFile({ ...context, input: inputs[0]!, output: flags.output!, ...common }));
        },
      );
    }
    return runVerb<Reported<SliceResult>>(s, inputs[0] ?? '', flags, formatSliceText, async (context, print) => {
      await drumsSlices({
        ...context,
        inputs,
        output: flags.output!,
        verb,
        ...(flags.grid ? { grid: parseGrid(flags.grid) } : {}),
        ...(flags.bpm !== undefined ? { bpm: flags.bpm } : {}),
        ...(flags.gridStart !== undefined ? { gridStart: flags.gridStart } : {}),
        ...(flags.strength !== undefined ? { strength: flags.strength } : {}),
        ...(flags.window !== undefined ? { window: flags.window } : {}),
        ...(flags.swing !== undefined ? { swing: flags.swing } : {}),
        ...(flags.rpp ? { rpp: flags.rpp } : {}),
        ...(flags.recipe ? { recipe: flags.recipe } : {}),
        ...common,
        onResult: print,
        params,
      });
    });
  });
}

export function formatSliceText(r: SliceResult): string {
  const head =
    r.verb === 'quantize'
      ? `quantized to ${r.grid} at ${r.bpm} BPM (strength ${r.strength}, window ${r.window}, swing ${r.swing})`
      : `humanized (seed ${r.seed})`;
  return [
    `${quotePath(r.session)}: ${head}: ${r.moved} of ${r.slices} hits moved`,
    ...r.tracks.map((t) => `  ${t.track.padEnd(16)} → ${quotePath(t.output)}`),
  ].join('\n');
}

export function formatReplaceText(r: ReplaceTrackResult): string {
  const what = r.replaced ? `${r.hits} hits replaced (${r.polarity})` : (r.note ?? 'copied');
  return `${r.track.padEnd(16)} ${what}  → ${quotePath(r.output)}`;
}

export function formatDetectText(r: DetectResult): string {
  const counts = new Map<string, number>();
  for (const h of r.hits) counts.set(h.instrument, (counts.get(h.instrument) ?? 0) + 1);
  const what =
    r.role === 'ambient'
      ? 'not triggered (whole-kit mic)'
      : `${r.hits.length} hits${r.role === 'mix' ? ` (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}` +
        `${r.rejected.bleed ? `, ${r.rejected.bleed} bleed rejected` : ''}`;
  return `${r.track.padEnd(16)} ${r.instrument.padEnd(10)} ${what}  ${quotePath(r.file)}`;
}

const SHARED_STORE = {
  json: 'print one JSON object per track per line (NDJSON)',
  store: 'store',
  ffmpeg: 'non-WAV tracks',
} as const;

/** The shared options of the verbs that print a session's tracks into a folder (replace, quantize). */
const SHARED_TRACKS_OUT = {
  output: { description: 'the folder the tracks are written to (<track name>.wav each)', required: true },
  ...SHARED_STORE,
  overwrite: true,
} as const;

const RECIPE_HELP = 'also write a mix recipe with a drum bus that `shub mix` renders';

export const drumsCommand = defineCommand({
  name: 'drums',
  description:
    'drum hit detection with bleed rejection and classification, sample replacement, quantize, humanize, MIDI',
  examples: [
    'shub drums detect session.yaml --json --midi hits.mid --bpm 120',
    'shub drums detect stem.wav --json | jq ".hits | length"',
  ],
  exitCodes: {
    0: 'ok',
    2: 'usage or session/kit error (file:line key)',
    3: 'unreadable track',
    4: 'missing ffmpeg or database',
    5: 'internal',
  },
  note: 'A drum session lists tracks with an instrument each; kits name samples per instrument (docs/kits.md).',
  subcommands: [
    {
      name: 'detect',
      description:
        'find the hits of every track (bleed across close mics rejected, stems classified), one line per track',
      // optional for `--param list` alone; without it a run needs one (detectCli)
      arguments: [['[session...]', 'a drum session (YAML, docs/kits.md) or audio files (each a whole-kit stem)']],
      options: (cmd) =>
        paramOption(
          cmd
            .option(
              '--midi <file>',
              'also write the hits as a Standard MIDI File (channel 10, GM drum notes, velocities)',
            )
            .option('--bpm <n>', 'the tempo written into the MIDI file (hits are placed in time at it)', parseBpm),
        ),
      shared: { ...SHARED_STORE, overwrite: 'replace an existing MIDI file', inputs: true },
      examples: [
        'shub drums detect session.yaml --json',
        'shub drums detect kit-stem.wav --midi stem.mid --bpm 96',
        'shub drums detect kit-stem.wav --json --param model=86',
        'shub drums detect --param list',
      ],
      exitCodes: {
        0: 'ok (also when a track has no hits: a warning)',
        2: 'session error (file:line key), mics of different rates or lengths, an existing MIDI file without -y',
        3: 'unreadable track',
        4: 'missing ffmpeg or database',
        5: 'internal',
      },
      run: detectCli,
    },
    {
      name: 'replace',
      description: 'replace (or blend) the hits of each close mic with kit samples, aligned to the sample',
      arguments: [['<session...>', 'a drum session (YAML, docs/kits.md)']],
      options: (cmd) =>
        paramOption(cmd, DETECT_LIST)
          .requiredOption(
            '--kit <file>',
            'the kit (YAML: velocity layers per instrument, round-robin files; docs/kits.md)',
          )
          .option('--mix <0..1>', 'blend of original (0) and samples (1, default)', parseUnit('--mix'))
          .option('--rpp <file>', 'also write a REAPER session (replaced mics, originals muted beside them, the rest)')
          .option('--recipe <file>', RECIPE_HELP),
      shared: SHARED_TRACKS_OUT,
      examples: [
        'shub drums replace session.yaml --kit kit.yaml -o replaced/',
        'shub drums replace session.yaml --kit kit.yaml -o out/ --mix 0.5 --rpp out/drums.rpp --json',
      ],
      exitCodes: {
        0: 'ok',
        2: 'session or kit error (file:line key; a missing kit sample), an existing output without -y',
        3: 'unreadable track or sample',
        4: 'missing ffmpeg or database',
        5: 'internal',
      },
      run: replaceCli,
    },
    {
      name: 'quantize',
      description: 'move every hit toward its grid line, all tracks cut at the same slice points (phase coherent)',
      arguments: [['<session...>', 'a drum session (YAML, docs/kits.md) or audio files']],
      options: (cmd) =>
        paramOption(cmd, DETECT_LIST)
          .requiredOption('--grid <value>', 'grid note value: 1/4, 1/8, 1/16, 1/32 (t for triplets: 1/16t)')
          .option('--bpm <n|auto>', 'tempo (default auto: from the hits, logged)', parseBpmOrAuto)
          .option(
            '--grid-start <seconds>',
            'time of a grid line (default: fitted to the hits, logged)',
            parseRange('--grid-start', 0, 86400),
          )
          .option('--strength <0..1>', 'how far each hit moves toward its line (default 1)', parseUnit('--strength'))
          .option(
            '--window <0..1>',
            'only hits within this share of half a step move (default 1: all)',
            parseUnit('--window'),
          )
          .option(
            '--swing <0..0.75>',
            'every second grid line later by this share of a step (default 0)',
            parseRange('--swing', 0, 0.75),
          )
          .option('--rpp <file>', 'also write a REAPER session of the quantized tracks')
          .option('--recipe <file>', RECIPE_HELP),
      shared: SHARED_TRACKS_OUT,
      examples: [
        'shub drums quantize session.yaml -o tight/ --grid 1/16 --bpm 120',
        'shub drums quantize session.yaml -o out/ --grid 1/8 --strength 0.5 --window 0.5 --swing 0.2 --json',
      ],
      exitCodes: {
        0: 'ok',
        2: 'usage or session error (file:line key), too few hits for --bpm auto, an existing output without -y',
        3: 'unreadable track',
        4: 'missing ffmpeg or database',
        5: 'internal',
      },
      run: quantizeCli,
    },
    {
      name: 'humanize',
      description:
        'vary the timing and level of every hit (audio: same slicing as quantize) or note (MIDI), reproducibly',
      arguments: [['<session...>', 'a drum session (YAML), audio files, or one MIDI file (.mid)']],
      options: (cmd) =>
        paramOption(cmd, DETECT_LIST)
          .option('--timing-ms <ms>', 'largest timing change, ± ms (default 6)', parseRange('--timing-ms', 0, 50))
          .option(
            '--velocity <steps>',
            'largest velocity change, ± (default 8; audio: 36 dB over 126 steps)',
            parseRange('--velocity', 0, 64, true),
          )
          .option(
            '--seed <n>',
            'random seed: the same seed gives the same result (default 1)',
            parseRange('--seed', 0, 2 ** 32 - 1, true),
          )
          .option('--rpp <file>', 'also write a REAPER session of the humanized tracks'),
      shared: {
        output: { description: 'the folder for the tracks, or the .mid file for a MIDI input', required: true },
        ...SHARED_STORE,
        overwrite: true,
      },
      examples: [
        'shub drums humanize session.yaml -o loose/ --timing-ms 8 --seed 7',
        'shub drums humanize hits.mid -o human.mid --velocity 12 --seed 3',
      ],
      exitCodes: {
        0: 'ok',
        2: 'usage or session error (file:line key), an existing output without -y',
        3: 'unreadable track or MIDI file',
        4: 'missing ffmpeg or database',
        5: 'internal',
      },
      run: humanizeCli,
    },
  ],
});
