// Threads of the addon that run below the process's other threads (the pitch HMM's decode, the input file's hash):
// they take what the main thread (the critical path) and V8's compiler threads leave. Lowering needs no privilege;
// raising back would, so a lowered thread ends after its work.
#pragma once

#include <algorithm>
#include <cerrno>

#if defined(__linux__)
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace shub {

/** The calling thread `niceSteps` nicer (nice at most 19), or under a real-time policy (chrt) that policy's lowest
 * priority. */
inline void lowerThisThread(int niceSteps) {
#if defined(__linux__)
  const int policy = sched_getscheduler(0);
  if (policy == SCHED_FIFO || policy == SCHED_RR) {
    sched_param lowest{};
    lowest.sched_priority = sched_get_priority_min(policy);
    sched_setscheduler(0, policy, &lowest);
    return;
  }
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, tid);
  if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, nice + niceSteps));
#else
  (void)niceSteps;
#endif
}

}  // namespace shub
