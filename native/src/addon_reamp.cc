// N-API bindings of the reamp kernels other than NAM: cabinet convolution, built-in amp and pedals (issue 14).
#include <napi.h>

void InitReamp(Napi::Env /*env*/, Napi::Object /*exports*/) {}
