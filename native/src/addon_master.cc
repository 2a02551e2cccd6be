// N-API bindings of the mastering chain (shub master).
#include <napi.h>

void InitMaster(Napi::Env, Napi::Object) {}
