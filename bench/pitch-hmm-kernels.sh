#!/bin/bash
# bench/pitch-hmm-kernels.sh: the pitch HMM's Viterbi decode (native/src/pyin.cc) compiled three ways — this tree's
# code with SSE2, the same code with its scalar paths (__SSE2__ undefined), and the code before h-cpu24 (commit
# f7c3131's pyin.cc: back-pointers from the argmax sweeps) — on the same random candidate sequences (ties made
# common: quantized pitches and probabilities, runs of empty frames; several bin counts, odd and even, below and
# above 64; checkpoints of 16 and of 1024 frames), and single steps from score vectors full of ties (integers and
# quarters with a step cost of exactly 1; scores built so that staying ties with switching, with a jump within the
# lattice and with a jump from the other lattice). Every decoded f0 and voiced probability, and every state's score and
# back-pointer of the single steps, is compared bit for bit.
# Exit 1 on a difference.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/old"
git -C "$ROOT" show f7c3131:native/src/pyin.cc > "$T/old/pyin.cc"
git -C "$ROOT" show f7c3131:native/src/pyin.h > "$T/old/pyin.h"
cat > "$T/driver.cc" <<'CC'
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>
#define private public  // the steps and their back-pointers, state by state
#include "pyin.h"
#undef private
int main() {
  struct Range { double lo, hi; int bps; };
  const Range ranges[] = {{100, 190, 1}, {80, 1000, 3}, {50, 1600, 5}, {55, 1700, 6}, {50, 1600, 20}, {200, 260, 2}};
  std::mt19937 rng(24);
  for (const Range& r : ranges)
    for (const int cp : {16, 1024})
      for (int trial = 0; trial < 6; ++trial) {
        shub::PyinOptions o;
        o.minHz = r.lo;
        o.maxHz = r.hi;
        o.binsPerSemitone = r.bps;
        o.checkpointFrames = cp;
        o.transitionSemitones = trial % 3 == 0 ? 0.3 : trial % 3 == 1 ? 2.5 : 0.05;
        o.switchProbability = trial % 2 ? 0.01 : 0.2;
        o.jumpProbability = trial % 2 ? 0.01 : 0.3;
        if (shub::validatePyinOptions(o)) return 2;
        shub::PitchHmm hmm(o);
        const int frames = 200 + static_cast<int>(rng() % 3000);
        std::uniform_real_distribution<double> u(0, 1);
        double hz = r.lo * 1.5;
        for (int f = 0; f < frames; ++f) {
          std::vector<shub::PitchCandidate> c;
          const int kind = static_cast<int>(rng() % 10);
          if (kind >= 3) {
            const int k = 1 + static_cast<int>(rng() % 4);
            if (rng() % 8 == 0) hz = r.lo * std::pow(r.hi / r.lo, u(rng));  // a jump
            for (int i = 0; i < k; ++i) {
              double h = i == 0 ? hz : r.lo * std::pow(r.hi / r.lo, u(rng));
              if (rng() % 2) h = r.lo * std::exp2(std::round(12.0 * r.bps * std::log2(h / r.lo)) / (12.0 * r.bps));
              float p = static_cast<float>(u(rng) / k);
              if (rng() % 3 == 0) p = 0.125f;  // equal probabilities: ties
              c.push_back({static_cast<float>(std::min(r.hi, std::max(r.lo, h))), p});
            }
            hz *= std::exp2((u(rng) - 0.5) / 24);
            hz = std::min(r.hi, std::max(r.lo, hz));
          }
          hmm.push(c.data(), c.size());
        }
        std::vector<float> f0, vp;
        hmm.decode(f0, vp);
        std::fwrite(f0.data(), sizeof(float), f0.size(), stdout);
        std::fwrite(vp.data(), sizeof(float), vp.size(), stdout);
        // single steps from score vectors full of ties (integers, a step cost of exactly 1 when transitionSemitones
        // × binsPerSemitone is 1): every state's back-pointer and score
        shub::PyinOptions q = o;
        q.transitionSemitones = 1.0 / q.binsPerSemitone;
        shub::PitchHmm h(q);
        for (int f = 0; f < 40; ++f) {
          std::vector<shub::PitchCandidate> c;
          if (f % 3) c.push_back({static_cast<float>(r.lo * 1.3), 0.25f});
          h.push(c.data(), c.size());
        }
        const size_t n = static_cast<size_t>(h.bins_), S = 2 * n;
        std::vector<double> prev(S), out(S);
        std::vector<uint16_t> from(S);
        // x with a + x == t exactly (the scores' sums), near t − a
        const auto solve = [](double a, double t) {
          double x = t - a;
          for (int k = 0; k < 64 && a + x != t; ++k) x = std::nextafter(x, a + x < t ? INFINITY : -INFINITY);
          return x;
        };
        const double k1 = h.logStay_ + h.logNear_, k2 = h.logSwitch_ + h.logNear_;
        for (int f = 1; f < 40; ++f) {
          for (double& v : prev) v = f % 2 ? -static_cast<double>(rng() % 6) : -static_cast<double>(rng() % 40) * 0.25;
          if (f % 5 == 0) prev[rng() % S] = 0;
          const size_t g = rng() % n;
          if (f % 4 == 1) {  // stay and switch tie: voiced all 0, unvoiced all x with k2 + x == k1
            std::fill(prev.begin(), prev.begin() + n, 0.0);
            std::fill(prev.begin() + n, prev.end(), solve(k2, k1));
          } else if (f % 4 == 2) {  // stay and the jump within the lattice tie far from g
            std::fill(prev.begin(), prev.begin() + n, solve(k1, h.logStay_ + h.logJump_));
            prev[g] = 0;
            std::fill(prev.begin() + n, prev.end(), -1000.0);
          } else if (f % 4 == 3) {  // stay and the jump from the other lattice tie far from g
            std::fill(prev.begin(), prev.begin() + n, solve(k1, h.logSwitch_ + h.logJump_));
            std::fill(prev.begin() + n, prev.end(), -1000.0);
            prev[n + g] = 0;
          }
          if (f >= 20) std::reverse(prev.begin(), prev.end());
#ifdef BEFORE
          h.step(prev.data(), static_cast<size_t>(f), out.data(), from.data());
#else
          std::vector<uint64_t> rec(h.recordWords());
          h.step(prev.data(), static_cast<size_t>(f), out.data(), rec.data());
          for (size_t s = 0; s < S; ++s) from[s] = static_cast<uint16_t>(h.source(rec.data(), s));
#endif
          std::fwrite(out.data(), sizeof(double), S, stdout);
          std::fwrite(from.data(), sizeof(uint16_t), S, stdout);
        }
      }
  return 0;
}
CC
CXX=${CXX:-g++}
FLAGS="-std=c++17 -O3 -ffp-contract=fast -fno-trapping-math -fno-math-errno"
$CXX $FLAGS -I"$ROOT/native/src" "$T/driver.cc" "$ROOT/native/src/pyin.cc" -o "$T/sse2" -lm
$CXX $FLAGS -U__SSE2__ -I"$ROOT/native/src" "$T/driver.cc" "$ROOT/native/src/pyin.cc" -o "$T/scalar" -lm
$CXX $FLAGS -DBEFORE -I"$T/old" "$T/driver.cc" "$T/old/pyin.cc" -o "$T/old/before" -lm
"$T/sse2" > "$T/sse2.out"
"$T/scalar" > "$T/scalar.out"
"$T/old/before" > "$T/before.out"
bytes=$(stat -c %s "$T/before.out")
bad=0
cmp -s "$T/sse2.out" "$T/before.out" || { echo "SSE2 path differs from the code before"; bad=1; }
cmp -s "$T/scalar.out" "$T/before.out" || { echo "scalar path differs from the code before"; bad=1; }
echo "72 decodes and 2 808 single steps ($bytes bytes of f0, voiced probabilities, scores and back-pointers): SSE2, scalar and the code before $([ $bad = 0 ] && echo identical || echo DIFFER)"
exit $bad
