/** Analytic key songs: chord progressions of harmonic tones (six partials, 1/h amplitudes) at 22.05 kHz. */
export const KEY_SONG_RATE = 22050;

/** Chords as [MIDI notes of the chord, MIDI bass note], one per `seconds`, detuned by `cents`. */
export function progression(chords: [number[], number][], seconds: number, cents: number): Float32Array {
  const RATE = KEY_SONG_RATE;
  const n = Math.round(chords.length * seconds * RATE);
  const x = new Float32Array(n);
  const hz = (midi: number) => 440 * 2 ** ((midi - 69 + cents / 100) / 12);
  chords.forEach(([notes, bass], c) => {
    const start = Math.round(c * seconds * RATE);
    const len = Math.round(seconds * RATE);
    for (const [midi, gain] of [...notes.map((m): [number, number] => [m, 0.12]), [bass, 0.2] as [number, number]]) {
      const f = hz(midi);
      for (let h = 1; h <= 6 && h * f < RATE / 2; h++) {
        const w = (2 * Math.PI * h * f) / RATE;
        for (let i = 0; i < len; i++) {
          const env = Math.min(1, i / 200) * Math.exp(-i / (0.8 * RATE)) * Math.min(1, (len - i) / 200);
          x[start + i]! += ((gain / h) * env * Math.sin(w * i)) as number;
        }
      }
    }
  });
  return x;
}
