/**
 * The tempo engine's inputs for a bench file (onset envelopes, chroma, pitch-class profile, onset times), computed
 * by the same native extractor and onset detector as `analyze` and cached in bench/out/tempo-features.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { TruthFile } from '../fixtures/groundtruth.js';
import { openAudio } from '../src/io/audio.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { feedSource } from '../src/engines/analysis/pipeline.js';
import { onsetEnergyBandLowHz, stftLayout } from '../src/engines/analysis/params.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { detectOnsets, onsetInput } from '../src/engines/onsets/index.js';
import type { TempoInput } from '../src/engines/tempo/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');

export interface Item {
  truth: TruthFile;
  input: TempoInput;
}

/** The envelopes of one file, cached in bench/out/tempo-features (recomputed when the audio is newer). */
/** Whether the file's envelopes are cached (bench runs with --cached-only use only those). */
export function isCached(truth: TruthFile): boolean {
  const cache = path.join(OUT, 'tempo-features', `${path.basename(truth.file)}.json`);
  return existsSync(cache) && existsSync(truth.file) && statSync(cache).mtimeMs >= statSync(truth.file).mtimeMs;
}

/** A file's cached envelopes by its base name (h-tempo73: tempo-learn --redump, where the audio is gone). */
export function cachedFeatures(base: string): TempoInput {
  return JSON.parse(readFileSync(path.join(OUT, 'tempo-features', `${base}.json`), 'utf8')) as TempoInput;
}

export async function features(truth: TruthFile): Promise<Item> {
  const cache = path.join(OUT, 'tempo-features', `${path.basename(truth.file)}.json`);
  if (existsSync(cache) && statSync(cache).mtimeMs >= statSync(truth.file).mtimeMs) {
    const c = JSON.parse(readFileSync(cache, 'utf8')) as TempoInput;
    // caches written before the tempo engine read the pitch-class profile, the onset flux groups or the band
    // energies (h-tempo24) are recomputed
    if (c.pitchClass && c.flux && c.bandEnergy) return { truth, input: c };
  }
  const item = await computeFeatures(truth);
  saveFeatures(cache, item.input);
  return item;
}

/** Writes a file's envelopes as the cache reads them (plain arrays), making the cache's folder if needed. */
export function saveFeatures(cache: string, input: TempoInput): void {
  mkdirSync(path.dirname(cache), { recursive: true });
  const { odf, odfLow, chroma, pitchClass, hopSeconds, onsetTimes, flux, bandNovelty, bandEnergy } = input;
  const plain = (x: ArrayLike<number> | undefined) => (x ? Array.from(x) : undefined);
  writeFileSync(
    cache,
    JSON.stringify({
      odf: plain(odf),
      odfLow: plain(odfLow),
      chroma: plain(chroma),
      pitchClass: plain(pitchClass),
      hopSeconds,
      onsetTimes,
      flux: flux && { ...flux, values: plain(flux.values) },
      bandNovelty: bandNovelty && { ...bandNovelty, values: plain(bandNovelty.values) },
      bandEnergy: bandEnergy && { ...bandEnergy, values: plain(bandEnergy.values) },
    }),
  );
}

export async function computeFeatures(truth: TruthFile): Promise<Item> {
  const source = await openAudio(truth.file, { ffmpeg: resolveFfmpeg() });
  try {
    // the onset flux groups as analyze computes them, and (h-tempo8, for comparison) the band novelty
    const stft = createFeatureExtractor(
      source.format,
      { spectrum: true, pitch: false, onsets: true },
      {},
      { onsetBandNovelty: true },
    );
    await feedSource(source, [stft]);
    const r = stft.finish();
    const rate = source.format.sampleRate;
    // the tempo task's onsets: the mel envelope's (as analyze's tempo task, without the flux)
    const { flux: _flux, ...mel } = onsetInput(r, rate, stftLayout(rate).windowSamples);
    const onsets = detectOnsets(mel);
    const groups = { values: r.onsetFlux, groups: r.onsetFluxGroups, hopSeconds: r.onsetHopSeconds };
    const bands = { values: r.onsetBandNovelty, bands: r.onsetBandNoveltyBands, hopSeconds: r.onsetHopSeconds };
    return {
      truth,
      input: {
        odf: r.odf,
        odfLow: r.odfLow,
        chroma: r.chroma,
        pitchClass: r.pitchClass,
        hopSeconds: r.hopSeconds,
        onsetTimes: onsets.times,
        flux: groups,
        bandNovelty: bands,
        bandEnergy: {
          values: r.onsetBandEnergy,
          bands: r.onsetBandEnergyBands,
          hopSeconds: r.onsetHopSeconds,
          lowHz: onsetEnergyBandLowHz(rate),
        },
      },
    };
  } finally {
    await source.close();
  }
}
