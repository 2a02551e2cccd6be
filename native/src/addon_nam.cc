// N-API bindings of the Neural Amp Modeler runner (shub reamp, issue 14 point 1).
#include <napi.h>

void InitNam(Napi::Env /*env*/, Napi::Object /*exports*/) {}
