// fileSha256(fd, bytes): the SHA-256 of a file's first `bytes` bytes, read with pread from an open descriptor on the
// libuv pool. The digest is OpenSSL's (the copy Node carries and exports to addons: <openssl/evp.h>), the same
// function node:crypto's createHash('sha256') runs, so the hex is the same as hashing the bytes in JavaScript; only
// the thread differs (analyze takes a WAV's hash after its audio pass, beside the main thread's post-processing).
#include <errno.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "finishgate.h"
#include "napi_util.h"

namespace shub {

namespace {

/** Bytes read per pread: 1 MiB, the size of the audio reader's blocks (fits a core's L2 with the digest's state). */
constexpr size_t kChunkBytes = size_t{1} << 20;

struct DigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
};

std::string hex(const unsigned char* digest, unsigned int n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(2 * size_t{n}, '0');
  for (unsigned int i = 0; i < n; i++) {
    out[2 * i] = kDigits[digest[i] >> 4];
    out[2 * i + 1] = kDigits[digest[i] & 15];
  }
  return out;
}

}  // namespace

/**
 * The SHA-256 (lowercase hex) of the first `bytes` bytes of the file open as `fd`; throws when it has fewer. With
 * `afterFinishes`, it starts once no FeatureExtractor.finishAsync is running.
 */
std::string fileSha256(int fd, uint64_t bytes, bool afterFinishes) {
  // analyze's post phase: the decode on one core, the main thread's chain on the other; the hash takes the decode's
  // core once it is free instead of a third share of two
  if (afterFinishes) FinishGate::waitIdle();
  DigestContext d;
  if (d.ctx == nullptr || EVP_DigestInit_ex(d.ctx, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("could not start a SHA-256 digest");
  std::vector<unsigned char> buf(static_cast<size_t>(std::min<uint64_t>(kChunkBytes, bytes > 0 ? bytes : 1)));
  for (uint64_t pos = 0; pos < bytes;) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), bytes - pos));
    const ssize_t got = pread(fd, buf.data(), want, static_cast<off_t>(pos));
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("read failed: ") + std::strerror(errno));
    }
    if (got == 0) throw std::runtime_error("the file ended early");
    if (EVP_DigestUpdate(d.ctx, buf.data(), static_cast<size_t>(got)) != 1)
      throw std::runtime_error("the SHA-256 digest failed");
    pos += static_cast<uint64_t>(got);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_DigestFinal_ex(d.ctx, digest, &n) != 1) throw std::runtime_error("the SHA-256 digest failed");
  return hex(digest, n);
}

namespace {

Napi::Value FileSha256(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return napi::promiseOf(env, [&]() -> Napi::Value {
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsNumber() ||
        (info.Length() > 2 && !info[2].IsBoolean() && !info[2].IsUndefined()))
      throw Napi::TypeError::New(env,
                                 "fileSha256(fd, bytes, afterFinishes?): an open file descriptor, a byte count and "
                                 "whether to wait for the extractors' finishes");
    const bool afterFinishes = info.Length() > 2 && info[2].IsBoolean() && info[2].As<Napi::Boolean>().Value();
    const double fd = info[0].As<Napi::Number>().DoubleValue();
    const double bytes = info[1].As<Napi::Number>().DoubleValue();
    if (!(fd >= 0 && fd <= 2147483647.0 && fd == static_cast<double>(static_cast<int64_t>(fd))))
      throw Napi::RangeError::New(env, "fileSha256: fd must be a non-negative integer");
    if (!(bytes >= 0 && bytes <= 9007199254740991.0 && bytes == static_cast<double>(static_cast<int64_t>(bytes))))
      throw Napi::RangeError::New(env, "fileSha256: bytes must be a non-negative integer");
    auto* worker = new napi::PromiseWorker<std::string>(
        env, "shub.fileSha256", "fileSha256", {},
        [fd = static_cast<int>(fd), bytes = static_cast<uint64_t>(bytes), afterFinishes] {
          return fileSha256(fd, bytes, afterFinishes);
        },
        [](Napi::Env e, std::string&& s) -> Napi::Value { return Napi::String::New(e, s); });
    return worker->queue();
  });
}

}  // namespace

}  // namespace shub

void InitFileHash(Napi::Env env, Napi::Object exports) {
  exports.Set("fileSha256", Napi::Function::New<shub::FileSha256>(env, "fileSha256"));
}
