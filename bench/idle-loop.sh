#!/usr/bin/env bash
# Paired idle loop for issue 12 point 8: `shub analyze F --json --no-store` of two checkouts (a base and a new one,
# each built) alternated with ffmpeg's ebur128 meter on the 6-minute bench file, the order rotated every round;
# prints the medians of wall and CPU (GNU time), the ffmpeg / shub ratios and the paired new − base wall differences.
# usage: bench/idle-loop.sh ROUNDS BASE_DIR [NEW_DIR (default: this checkout)]   (FFMPEG=path picks the ffmpeg build)
# Run it on an otherwise idle machine; make the bench file first (`npm run bench` writes bench/out).
set -euo pipefail
ROUNDS=${1:?rounds}; BASE=${2:?base checkout}; HERE=$(cd "$(dirname "$0")/.." && pwd); NEW=${3:-$HERE}
F=$HERE/bench/out/music-6min-48k-24bit.wav; FF=${FFMPEG:-ffmpeg}
[ -f "$F" ] || { echo "idle-loop: $F is missing: run npm run bench first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "idle-loop: needs GNU time (apt-get install time)" >&2; exit 2; }
OUT=$(mktemp); trap 'rm -f "$OUT" "$OUT.ff"' EXIT
run() {
  case $1 in
    base) /usr/bin/time -a -o "$OUT" -f "base %e %U %S" node "$BASE/bin/shub.js" analyze --json --no-store "$F" \
      >/dev/null ;;
    new) /usr/bin/time -a -o "$OUT" -f "new %e %U %S" node "$NEW/bin/shub.js" analyze --json --no-store "$F" \
      >/dev/null ;;
    ff) /usr/bin/time -a -o "$OUT" -f "ff %e %U %S" "$FF" -nostats -hide_banner -i "$F" -af ebur128=peak=true \
      -f null - >/dev/null 2>"$OUT.ff" ;;
  esac
}
for i in $(seq 1 "$ROUNDS"); do
  case $((i % 3)) in 0) order="base new ff" ;; 1) order="new ff base" ;; *) order="ff base new" ;; esac
  for k in $order; do run "$k"; done
done
python3 - "$OUT" <<'PY'
import statistics as st, sys
d = {}
for line in open(sys.argv[1]):
    k, wall, user, sys_ = line.split()
    d.setdefault(k, []).append((float(wall), float(user) + float(sys_)))
for k in ('base', 'new', 'ff'):
    wall, cpu = st.median(w for w, _ in d[k]), st.median(c for _, c in d[k])
    print(f"{k}: {len(d[k])} runs, wall {wall:.3f} s, CPU {cpu:.3f} s")
ff = st.median(w for w, _ in d['ff'])
for k in ('base', 'new'):
    print(f"ffmpeg / {k}: {ff / st.median(w for w, _ in d[k]):.3f}")
p = [n[0] - b[0] for b, n in zip(d['base'], d['new'])]
print(f"paired new - base wall: median {st.median(p):+.3f} s, new faster in {sum(x < 0 for x in p)} of {len(p)}")
PY
