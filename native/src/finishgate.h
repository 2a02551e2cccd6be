// The extractors' finishing work on the libuv pool (FeatureExtractor.finishAsync: the last frames and the pitch HMM's
// decoding) against work that can wait for it (fileSha256): analyze's main thread runs its post chain beside the
// decode, and a hash running beside both takes a share of the two cores from the chain (bench/RESULTS.md, h-sched24);
// after the decode it takes the core the decode leaves.
#pragma once

#include <condition_variable>
#include <mutex>

namespace shub {

class FinishGate {
 public:
  /** Held while a finish runs (RAII). */
  class Running {
   public:
    Running() {
      std::lock_guard<std::mutex> lock(gate().mutex_);
      gate().running_++;
    }
    ~Running() {
      {
        std::lock_guard<std::mutex> lock(gate().mutex_);
        gate().running_--;
      }
      gate().idle_.notify_all();
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
  };

  /** Returns once no finish is running (at once when none is). */
  static void waitIdle() {
    std::unique_lock<std::mutex> lock(gate().mutex_);
    gate().idle_.wait(lock, [] { return gate().running_ == 0; });
  }

 private:
  static FinishGate& gate() {
    static FinishGate g;
    return g;
  }
  std::mutex mutex_;
  std::condition_variable idle_;
  int running_ = 0;
};

}  // namespace shub
