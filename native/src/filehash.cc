// The sha256 of an open file on a thread of its own below the process's other threads (`sha256Fd`): `analyze`
// hashes its WAV input after the audio pass, beside the post chain, where the second core has room, instead of on
// the main thread during the pass, where both cores are busy (bench/RESULTS.md, h-speed32). The digest is
// OpenSSL's, the one Node's crypto uses (Node exports its symbols to addons).
#include <napi.h>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "lowthread.h"
#include "napi_util.h"

namespace shub {
namespace {

/** How much nicer than its caller the hashing thread runs: as low as nice goes (it only fills idle time). */
constexpr int kHashNiceSteps = 19;
/** Bytes per read: the block stays in the core's L2 between the copy and the digest. */
constexpr size_t kHashReadBytes = 256 * 1024;

/**
 * One file's hash in this process (the addon's table, `jobs`): asked for again while it runs, or after, for the same
 * file unchanged (device, inode, size, modification time, bytes hashed), the first hash answers. So the launcher can
 * start the input's hash before the command's code is loaded (bin/shub.js) and the source's request joins it.
 */
struct HashJob {
  struct Key {
    uint64_t dev = 0, ino = 0, size = 0, mtimeNs = 0, bytes = 0;
    bool operator==(const Key& o) const {
      return dev == o.dev && ino == o.ino && size == o.size && mtimeNs == o.mtimeNs && bytes == o.bytes;
    }
  };
  Key key;
  napi_env env = nullptr;
  // written by the hashing thread before it hands the job to the JavaScript thread (the call's queue orders them)
  std::string hex;
  std::string error;
  // the JavaScript thread's only
  bool done = false;
  std::vector<Napi::Promise::Deferred> waiting;
};

std::mutex jobsMutex;
std::vector<std::shared_ptr<HashJob>> jobs;

/** Takes `job` out of the table; returns it (alive while the caller holds it). */
std::shared_ptr<HashJob> forget(const HashJob* job) {
  std::lock_guard<std::mutex> lock(jobsMutex);
  for (size_t i = 0; i < jobs.size(); i++)
    if (jobs[i].get() == job) {
      std::shared_ptr<HashJob> kept = jobs[i];
      jobs.erase(jobs.begin() + static_cast<std::ptrdiff_t>(i));
      return kept;
    }
  return nullptr;
}

/** The first `bytes` bytes of `fd` (fewer if the file is shorter now) into `job`'s hex or error; closes the fd. */
void hashInto(int fd, uint64_t bytes, HashJob& job) {
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    job.error = "sha256: OpenSSL could not start a digest";
    close(fd);
    return;
  }
  std::vector<unsigned char> buf(kHashReadBytes);
  for (uint64_t done = 0; done < bytes;) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), bytes - done));
    const ssize_t got = pread(fd, buf.data(), want, static_cast<off_t>(done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      job.error = std::string("sha256: reading the file failed: ") + std::strerror(errno);
      close(fd);
      return;
    }
    if (got == 0) break;
    EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(got));
    done += static_cast<uint64_t>(got);
  }
  close(fd);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &n);
  static const char kHex[] = "0123456789abcdef";
  job.hex.resize(2 * n);
  for (unsigned int i = 0; i < n; i++) {
    job.hex[2 * i] = kHex[md[i] >> 4];
    job.hex[2 * i + 1] = kHex[md[i] & 15];
  }
}

void answer(Napi::Env env, const HashJob& job, Napi::Promise::Deferred& d) {
  if (job.error.empty())
    d.Resolve(Napi::String::New(env, job.hex));
  else
    d.Reject(Napi::Error::New(env, job.error).Value());
}

void settle(Napi::Env env, Napi::Function, std::nullptr_t*, HashJob* job) {
  std::vector<Napi::Promise::Deferred> waiting;
  waiting.swap(job->waiting);
  job->done = true;
  // a failed hash is not kept: the next request tries again
  std::shared_ptr<HashJob> kept;
  if (!job->error.empty() || env == nullptr) kept = forget(job);
  if (env == nullptr) return;  // the environment is going away: nobody awaits the promises
  for (auto& d : waiting) answer(env, *job, d);
}

using Settler = Napi::TypedThreadSafeFunction<std::nullptr_t, HashJob, settle>;

/**
 * sha256Fd(fd, bytes): a promise of the hex sha256 of the first `bytes` bytes of the open file `fd` (fewer if the
 * file is shorter by then). The fd is duplicated before the call returns (the caller may close its own at once)
 * and read with pread on a thread below the process's others; without a thread the hash is taken on this one. A
 * hash of the same file unchanged, running or done in this environment, answers instead (HashJob).
 */
Napi::Value Sha256Fd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 2 || !info[0].IsNumber() || !info[1].IsNumber())
    napi::throwType(env,
                    "sha256Fd(fd, bytes): expected two numbers, got " + std::to_string(info.Length()) + " arguments");
  const double fdArg = info[0].As<Napi::Number>().DoubleValue();
  const double bytesArg = info[1].As<Napi::Number>().DoubleValue();
  if (!(fdArg >= 0 && fdArg <= 2147483647 && std::floor(fdArg) == fdArg))
    napi::throwRange(env, "sha256Fd: fd must be a non-negative integer, got " + napi::describe(info[0]));
  if (!(bytesArg >= 0 && bytesArg <= 9007199254740991.0 && std::floor(bytesArg) == bytesArg))
    napi::throwRange(env, "sha256Fd: bytes must be a non-negative integer, got " + napi::describe(info[1]));
  struct stat st {};
  if (fstat(static_cast<int>(fdArg), &st) != 0)
    throw Napi::Error::New(env, std::string("sha256Fd: ") + std::strerror(errno));
  HashJob::Key key;
  key.dev = static_cast<uint64_t>(st.st_dev);
  key.ino = static_cast<uint64_t>(st.st_ino);
  key.size = static_cast<uint64_t>(st.st_size);
#if defined(__APPLE__)
  const timespec& mtime = st.st_mtimespec;
#else
  const timespec& mtime = st.st_mtim;
#endif
  key.mtimeNs = static_cast<uint64_t>(mtime.tv_sec) * 1000000000ull + static_cast<uint64_t>(mtime.tv_nsec);
  key.bytes = static_cast<uint64_t>(bytesArg);
  auto deferred = Napi::Promise::Deferred::New(env);
  Napi::Promise promise = deferred.Promise();
  std::shared_ptr<HashJob> job;
  {
    std::lock_guard<std::mutex> lock(jobsMutex);
    for (const auto& j : jobs)
      if (j->env == static_cast<napi_env>(env) && j->key == key) job = j;
    if (job && job->done) {
      answer(env, *job, deferred);
      return promise;
    }
    if (job) {
      job->waiting.push_back(deferred);
      return promise;
    }
    job = std::make_shared<HashJob>();
    job->key = key;
    job->env = env;
    job->waiting.push_back(deferred);
    jobs.push_back(job);
  }
  const int fd = fcntl(static_cast<int>(fdArg), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) {
    forget(job.get());
    throw Napi::Error::New(env, std::string("sha256Fd: ") + std::strerror(errno));
  }
  Settler settler = Settler::New(env, "sha256Fd", 0, 1);
  HashJob* raw = job.get();
  const uint64_t bytes = key.bytes;
  try {
    std::thread([settler, raw, fd, bytes, job]() mutable {
      lowerThisThread(kHashNiceSteps);
      hashInto(fd, bytes, *raw);
      if (settler.BlockingCall(raw) != napi_ok) forget(raw);
      settler.Release();
    }).detach();
  } catch (const std::system_error&) {
    hashInto(fd, bytes, *raw);
    settle(env, Napi::Function(), nullptr, raw);
    settler.Release();
  }
  return promise;
}

}  // namespace
}  // namespace shub

void InitFileHash(Napi::Env env, Napi::Object exports) {
  exports.Set("sha256Fd", Napi::Function::New<shub::Sha256Fd>(env, "sha256Fd"));
}
