/**
 * `shub drums detect|replace|quantize|humanize` (issue 13) over a drum session (YAML: tracks with
 * an instrument each, src/recipes/drums.ts) or plain files (one whole-kit stem each).
 *
 * detect: the tracks are read in lockstep (src/commands/drums-io.ts) through the session detector
 * (src/engines/drums/session.ts): hits per close mic with bleed across close mics rejected, hits of
 * whole-kit stems classified; one NDJSON line per track; `--midi` writes the hits as a Standard
 * MIDI File. Every rejected bleed hit and every classification is a decision of the run.
 */
import path from 'node:path';
import { ExitCode, exitCodeOf, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { hashFile } from '../io/hash.js';
import { quotePath } from '../io/names.js';
import { OutputPlan } from '../io/outputs.js';
import { drumMidi, GM_DRUM_NOTES, type MidiHit } from '../engines/drums/midi.js';
import { DrumSessionDetector, type SessionHit, type TrackDetection } from '../engines/drums/session.js';
import {
  isSessionFile,
  loadDrumSession,
  plainSession,
  type DrumSessionFile,
  type SessionTrack,
} from '../recipes/drums.js';
import { RunRecorder } from '../store/run.js';
import type { Decision } from '../store/types.js';
import { envelope, type Reported, type RunContext } from './batch.js';
import { defineCommand, withSession, type CliContext, type Session } from './context.js';
import type { FfmpegFlag, InputFlags, JsonFlag, OverwriteFlag, StoreFlags } from './options.js';
import { inputOf, lockstep, mono, openTracks } from './drums-io.js';

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
}

export interface DetectOptions extends RunContext {
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

/** Reads a session once and detects its hits (the shared first pass of every verb). */
export async function detectSession(
  session: DrumSessionFile,
  tracks: SessionTrack[],
  o: RunContext,
  recorder: RunRecorder,
): Promise<SessionDetection> {
  const where = session.file ? quotePath(session.file) : quotePath(tracks[0]!.file);
  const { sources, format } = await openTracks(tracks, o.ffmpeg, where);
  let frames = 0;
  const det = new DrumSessionDetector(
    format.sampleRate,
    tracks.map((t) => t.instrument),
  );
  try {
    for await (const blocks of lockstep(sources, format, tracks)) {
      det.push(blocks.map(mono));
      frames += blocks[0]![0]!.length;
    }
    for (const s of sources) recorder.inputs.push(await inputOf(s));
  } finally {
    for (const s of sources) await s.close().catch(() => undefined);
  }
  const rate = format.sampleRate;
  const found = det.finish();
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
          inputs: { track: t.name, timeSeconds: h.timeSeconds, ...h.features },
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
    };
  });
  return { session, sampleRate: rate, frames, channels: format.channels, tracks: found, results, decisions };
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
    for (const r of results) {
      recorder.results.push(r);
      o.onResult?.(r);
    }
    await o.store.saveRun(recorder.finish(ExitCode.ok));
    return { exitCode: ExitCode.ok, results };
  } catch (err) {
    recorder.errors.push({ file: o.inputs[0] ?? null, message: (err as Error).message, exitCode: exitCodeOf(err) });
    await o.store.saveRun(recorder.finish(exitCodeOf(err))).catch(() => undefined);
    throw err;
  }
}

// ---- the command line -----------------------------------------------------------------------

export interface DrumsFlags extends JsonFlag, FfmpegFlag, StoreFlags, OverwriteFlag, InputFlags {
  midi?: string;
  bpm?: number;
}

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

export async function detectCli(ctx: CliContext, files: string[], flags: DrumsFlags): Promise<number> {
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
      });
    });
  });
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
      arguments: [['<session...>', 'a drum session (YAML, docs/kits.md) or audio files (each a whole-kit stem)']],
      options: (cmd) =>
        cmd
          .option(
            '--midi <file>',
            'also write the hits as a Standard MIDI File (channel 10, GM drum notes, velocities)',
          )
          .option('--bpm <n>', 'the tempo written into the MIDI file (hits are placed in time at it)', parseBpm),
      shared: { ...SHARED_STORE, overwrite: 'replace an existing MIDI file', inputs: true },
      examples: ['shub drums detect session.yaml --json', 'shub drums detect kit-stem.wav --midi stem.mid --bpm 96'],
      exitCodes: {
        0: 'ok (also when a track has no hits: a warning)',
        2: 'session error (file:line key), mics of different rates or lengths, an existing MIDI file without -y',
        3: 'unreadable track',
        4: 'missing ffmpeg or database',
        5: 'internal',
      },
      run: detectCli,
    },
  ],
});
