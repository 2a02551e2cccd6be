// N-API bindings of the mixer (shub mix / render). Filled in by the mix work.
#include <napi.h>

void InitMix(Napi::Env, Napi::Object) {}
