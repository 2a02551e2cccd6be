/** Analytic key songs: chord progressions of harmonic tones (six partials, 1/h amplitudes) at 22.05 kHz. */
export const KEY_SONG_RATE = 22050;

/** Chords as [MIDI notes of the chord, MIDI bass note], one per `seconds`, detuned by `cents`. */
export function progression(chords: [number[], number][], seconds: number, cents: number): Float32Array {
  const RATE = KEY_SONG_RATE;
  const n = Math.round(chords.length * seconds * RATE);
  const x = new Float32Array(n);
  const hz = (midi: number) => 440 * 2 ** ((midi - 69 + cents / 100) / 12);
  // every chord's envelope (the same for each of its partials: computed once a length)
  const envs = new Map<number, Float64Array>();
  const envelope = (len: number) => {
    let e = envs.get(len);
    if (!e) {
      e = new Float64Array(len);
      for (let i = 0; i < len; i++)
        e[i] = Math.min(1, i / 200) * Math.exp(-i / (0.8 * RATE)) * Math.min(1, (len - i) / 200);
      envs.set(len, e);
    }
    return e;
  };
  chords.forEach(([notes, bass], c) => {
    const start = Math.round(c * seconds * RATE);
    const len = Math.round(seconds * RATE);
    const env = envelope(len);
    for (const [midi, gain] of [...notes.map((m): [number, number] => [m, 0.12]), [bass, 0.2] as [number, number]]) {
      const f = hz(midi);
      for (let h = 1; h <= 6 && h * f < RATE / 2; h++) {
        const w = (2 * Math.PI * h * f) / RATE;
        const g = gain / h;
        for (let i = 0; i < len; i++) x[start + i]! += (g * env[i]! * Math.sin(w * i)) as number;
      }
    }
  });
  return x;
}
