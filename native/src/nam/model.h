// Neural Amp Modeler networks (.nam files: WaveNet, LSTM, ConvNet, Linear), run in float32 on
// blocks of frames, mono in and out. The file is parsed and checked in TypeScript
// (src/engines/reamp/nam.ts); the spec here is its normalised form, checked again on
// construction (weight count, sizes). Semantics follow the reference core
// (NeuralAmpModelerCore): causal dilated convolutions whose tap k reads x[t − d·(K−1−k)], the
// reference plugin's rational tanh when fastTanh is set, and a prewarm on silence for the
// receptive field at construction so that output frame n answers input frame n.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace shub {
namespace nam {

enum class ActKind { Tanh, Hardtanh, Fasttanh, ReLU, LeakyReLU, Sigmoid, SiLU, Hardswish, LeakyHardtanh, Softsign };

struct Activation {
  ActKind kind = ActKind::Tanh;
  float negativeSlope = 0.01f;               // LeakyReLU (PReLU with one slope is the same)
  float minVal = -1, maxVal = 1;             // LeakyHardtanh
  float minSlope = 0.01f, maxSlope = 0.01f;  // LeakyHardtanh
};
/** Parses an activation name of the format ("Tanh", "SiLU", …); false when unknown. */
bool activationKind(const std::string& name, ActKind& out);

struct WaveNetLayer {
  int kernelSize = 3;
  int dilation = 1;
  Activation activation;
  bool gated = false;
  Activation secondary{ActKind::Sigmoid};  // the gate's activation
};

struct LayerArraySpec {
  int inputSize = 1;
  int conditionSize = 1;
  int channels = 1;
  int headSize = 1;
  int headKernelSize = 1;
  int headDilation = 1;
  bool headBias = false;
  std::vector<WaveNetLayer> layers;
};

struct ModelSpec {
  std::string architecture;  // WaveNet | LSTM | ConvNet | Linear
  // WaveNet
  std::vector<LayerArraySpec> arrays;
  // LSTM
  int numLayers = 0, inputSize = 1, hiddenSize = 0;
  // ConvNet
  int channels = 0;
  std::vector<int> dilations;
  bool batchnorm = false;
  Activation activation;
  // Linear
  int receptiveField = 0;
  bool bias = false;

  double sampleRate = 48000;
  bool fastTanh = true;
  std::vector<float> weights;
};

class Network {
 public:
  virtual ~Network() = default;
  /** out[t] = model(in[..t]) for t < n; any n ≥ 0 (split internally into blocks). */
  virtual void process(const float* in, float* out, size_t n) = 0;
  /** Samples of silence the reference core runs at reset. */
  virtual size_t prewarmSamples() const = 0;
};

/** Builds the network and prewarms it on silence; throws std::invalid_argument on a bad spec. */
std::unique_ptr<Network> makeNetwork(const ModelSpec& spec);

}  // namespace nam
}  // namespace shub
