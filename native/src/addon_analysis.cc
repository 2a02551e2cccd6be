// N-API bindings of analysis kernels beyond the feature extractor (issue 12: pitch tracking and others).
#include <napi.h>

void InitAnalysis(Napi::Env /*env*/, Napi::Object /*exports*/) {}
