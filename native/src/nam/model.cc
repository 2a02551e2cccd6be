#include "nam/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "common.h"
#include "nam/kernels.h"

namespace shub {
namespace nam {

namespace {

constexpr int kBlock = 256;  // frames per internal block

/**
 * Rows of a signal with their recent past: row r's current block starts at cur(r), and the
 * `hist` frames before it are valid (zeros at first). The past is copied back to the front
 * only when the buffer runs out, once every ≥ 16 blocks.
 */
class Hist {
 public:
  void init(int rows, int hist) {
    rows_ = rows;
    hist_ = hist;
    cap_ = hist + std::max(16 * kBlock, hist);
    buf_.assign(static_cast<size_t>(rows) * cap_, 0.0f);
    pos_ = hist;
  }
  void prepare(int n) {
    if (pos_ + n <= cap_) return;
    for (int r = 0; r < rows_; ++r) {
      float* row = buf_.data() + static_cast<size_t>(r) * cap_;
      std::memmove(row, row + pos_ - hist_, sizeof(float) * hist_);
    }
    pos_ = hist_;
  }
  float* cur(int r) { return buf_.data() + static_cast<size_t>(r) * cap_ + pos_; }
  void advance(int n) { pos_ += n; }

 private:
  int rows_ = 0, hist_ = 0, cap_ = 0, pos_ = 0;
  std::vector<float> buf_;
};

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

void apply(const Activation& a, bool fast, float* x, size_t n) {
  switch (a.kind) {
    case ActKind::Tanh:
      if (fast)
        fastTanh(x, n);
      else
        for (size_t i = 0; i < n; ++i) x[i] = std::tanh(x[i]);
      return;
    case ActKind::Fasttanh:
      fastTanh(x, n);
      return;
    case ActKind::Hardtanh:
      for (size_t i = 0; i < n; ++i) x[i] = x[i] < -1.0f ? -1.0f : (x[i] > 1.0f ? 1.0f : x[i]);
      return;
    case ActKind::ReLU:
      for (size_t i = 0; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : 0.0f;
      return;
    case ActKind::LeakyReLU: {
      const float s = a.negativeSlope;
      for (size_t i = 0; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : s * x[i];
      return;
    }
    case ActKind::Sigmoid:
      for (size_t i = 0; i < n; ++i) x[i] = sigmoid(x[i]);
      return;
    case ActKind::SiLU:
      for (size_t i = 0; i < n; ++i) x[i] = x[i] * sigmoid(x[i]);
      return;
    case ActKind::Hardswish:
      for (size_t i = 0; i < n; ++i) {
        const float t = x[i] + 3.0f;
        x[i] = x[i] * (t < 0.0f ? 0.0f : (t > 6.0f ? 6.0f : t)) * (1.0f / 6.0f);
      }
      return;
    case ActKind::LeakyHardtanh:
      for (size_t i = 0; i < n; ++i) {
        const float v = x[i];
        x[i] = v < a.minVal ? (v - a.minVal) * a.minSlope + a.minVal
                            : (v > a.maxVal ? (v - a.maxVal) * a.maxSlope + a.maxVal : v);
      }
      return;
    case ActKind::Softsign:
      for (size_t i = 0; i < n; ++i) x[i] = x[i] / (1.0f + std::fabs(x[i]));
      return;
  }
}

/** Reads weights in file order; throws when the file has fewer than asked for. */
class WeightReader {
 public:
  explicit WeightReader(const std::vector<float>& w) : w_(w) {}
  std::vector<float> take(size_t n) {
    if (pos_ + n > w_.size()) throw std::invalid_argument("too few weights for the config");
    std::vector<float> out(w_.begin() + static_cast<long>(pos_), w_.begin() + static_cast<long>(pos_ + n));
    pos_ += n;
    return out;
  }
  float one() { return take(1)[0]; }
  void finish() const {
    if (pos_ != w_.size())
      throw std::invalid_argument("the config uses " + std::to_string(pos_) + " weights, the file has " +
                                  std::to_string(w_.size()));
  }

 private:
  const std::vector<float>& w_;
  size_t pos_ = 0;
};

/** Calls `block(x, y, m)` over `n` samples in runs of at most kBlock (the networks' scratch size). */
template <class Block>
void inBlocks(const float* in, float* out, size_t n, Block&& block) {
  while (n > 0) {
    const int m = static_cast<int>(std::min<size_t>(n, kBlock));
    block(in, out, m);
    in += m;
    out += m;
    n -= static_cast<size_t>(m);
  }
}

void positive(int v, const char* what) {
  if (v < 1 || v > (1 << 20)) throw std::invalid_argument(std::string(what) + " must be a positive integer");
}

// ---- WaveNet -----------------------------------------------------------------------------------

class WaveNet final : public Network {
  struct Layer {
    WaveNetLayer spec;
    Hist in;
    std::vector<float> wz, bz, w1, b1;  // conv + mixin packed [Cz][C·K + cond]; 1×1 [C][C]
  };
  struct Array {
    LayerArraySpec spec;
    std::vector<float> rechannel;  // [C][inputSize]
    std::vector<Layer> layers;
    Hist headAcc;
    std::vector<float> headW, headB;  // [headSize][C·headK]
    std::vector<float> out;           // last layer output [C][kBlock]
    std::vector<float> headOut;       // [headSize][kBlock]
  };

 public:
  explicit WaveNet(const ModelSpec& s) : fast_(s.fastTanh) {
    if (s.arrays.empty()) throw std::invalid_argument("a WaveNet needs at least one layer array");
    WeightReader r(s.weights);
    int zMax = 0;
    for (size_t a = 0; a < s.arrays.size(); ++a) {
      const LayerArraySpec& as = s.arrays[a];
      positive(as.channels, "channels");
      positive(as.headSize, "head_size");
      positive(as.headKernelSize, "head kernel_size");
      positive(as.headDilation, "head dilation");
      positive(as.inputSize, "input_size");
      if (as.conditionSize != 1) throw std::invalid_argument("condition_size must be 1 (mono input)");
      if (as.layers.empty()) throw std::invalid_argument("a layer array needs at least one layer");
      const int prevOut = a == 0 ? 1 : s.arrays[a - 1].channels;
      if (as.inputSize != prevOut)
        throw std::invalid_argument("layer array " + std::to_string(a) + ": input_size " +
                                    std::to_string(as.inputSize) + " must be " + std::to_string(prevOut));
      if (a > 0 && as.channels != s.arrays[a - 1].headSize)
        throw std::invalid_argument("layer array " + std::to_string(a) +
                                    ": channels must equal head_size of the one before");
      const int C = as.channels;
      Array arr;
      arr.spec = as;
      arr.rechannel = r.take(static_cast<size_t>(C) * as.inputSize);
      for (const WaveNetLayer& ls : as.layers) {
        positive(ls.kernelSize, "kernel_size");
        positive(ls.dilation, "dilation");
        Layer L;
        L.spec = ls;
        const int Cz = ls.gated ? 2 * C : C;
        zMax = std::max(zMax, Cz);
        const int K = ls.kernelSize;
        std::vector<float> conv = r.take(static_cast<size_t>(Cz) * C * K);
        L.bz = r.take(Cz);
        std::vector<float> mixin = r.take(Cz);
        L.w1 = r.take(static_cast<size_t>(C) * C);
        L.b1 = r.take(C);
        const int nSrc = C * K + 1;
        L.wz.assign(static_cast<size_t>(Cz) * nSrc, 0.0f);
        for (int o = 0; o < Cz; ++o) {
          for (int j = 0; j < C * K; ++j)
            L.wz[static_cast<size_t>(o) * nSrc + j] = conv[static_cast<size_t>(o) * C * K + j];
          L.wz[static_cast<size_t>(o) * nSrc + C * K] = mixin[o];
        }
        L.in.init(C, ls.dilation * (K - 1));
        rf_ += static_cast<size_t>(ls.dilation) * (K - 1);
        arr.layers.push_back(std::move(L));
      }
      arr.headW = r.take(static_cast<size_t>(as.headSize) * C * as.headKernelSize);
      if (as.headBias) arr.headB = r.take(as.headSize);
      arr.headAcc.init(C, as.headDilation * (as.headKernelSize - 1));
      rf_ += static_cast<size_t>(as.headDilation) * (as.headKernelSize - 1);
      arr.out.assign(static_cast<size_t>(C) * kBlock, 0.0f);
      arr.headOut.assign(static_cast<size_t>(as.headSize) * kBlock, 0.0f);
      arrays_.push_back(std::move(arr));
    }
    if (s.arrays.back().headSize != 1) throw std::invalid_argument("the last head_size must be 1 (mono output)");
    headScale_ = r.one();
    r.finish();
    z_.assign(static_cast<size_t>(zMax) * kBlock, 0.0f);
    rf_ += 1;
  }

  size_t prewarmSamples() const override { return rf_; }

  void process(const float* in, float* out, size_t n) override {
    inBlocks(in, out, n, [this](const float* x, float* y, int m) { block(x, y, m); });
  }

 private:
  void block(const float* x, float* y, int n) {
    const Array* prev = nullptr;
    for (Array& arr : arrays_) {
      const int C = arr.spec.channels;
      for (Layer& L : arr.layers) L.in.prepare(n);
      arr.headAcc.prepare(n);
      // rechannel: array input → first layer's input rows
      srcs_.clear();
      if (prev == nullptr)
        srcs_.push_back(x);
      else
        for (int c = 0; c < prev->spec.channels; ++c)
          srcs_.push_back(prev->out.data() + static_cast<size_t>(c) * kBlock);
      dsts_.clear();
      for (int c = 0; c < C; ++c) dsts_.push_back(arr.layers[0].in.cur(c));
      Gemm g;
      g.nOut = C;
      g.nSrc = static_cast<int>(srcs_.size());
      g.w = arr.rechannel.data();
      g.src = srcs_.data();
      g.dst = dsts_.data();
      g.n = n;
      gemm(g);
      // head accumulator starts at zero, or at the previous array's head output
      for (int c = 0; c < C; ++c) {
        float* h = arr.headAcc.cur(c);
        if (prev == nullptr)
          std::fill(h, h + n, 0.0f);
        else
          std::copy(prev->headOut.data() + static_cast<size_t>(c) * kBlock,
                    prev->headOut.data() + static_cast<size_t>(c) * kBlock + n, h);
      }
      for (size_t l = 0; l < arr.layers.size(); ++l) {
        Layer& L = arr.layers[l];
        const int K = L.spec.kernelSize, d = L.spec.dilation;
        const int Cz = L.spec.gated ? 2 * C : C;
        srcs_.clear();
        for (int i = 0; i < C; ++i)
          for (int k = 0; k < K; ++k) srcs_.push_back(L.in.cur(i) - static_cast<ptrdiff_t>(d) * (K - 1 - k));
        srcs_.push_back(x);
        dsts_.clear();
        for (int o = 0; o < Cz; ++o) dsts_.push_back(z_.data() + static_cast<size_t>(o) * kBlock);
        Gemm gz;
        gz.nOut = Cz;
        gz.nSrc = C * K + 1;
        gz.w = L.wz.data();
        gz.bias = L.bz.data();
        gz.src = srcs_.data();
        gz.dst = dsts_.data();
        gz.n = n;
        gemm(gz);
        const ActKind kind = L.spec.activation.kind;
        if (!L.spec.gated && (kind == ActKind::Fasttanh || (kind == ActKind::Tanh && fast_))) {
          for (int c = 0; c < C; ++c) fastTanhAccumulate(dsts_[c], arr.headAcc.cur(c), n);
        } else {
          for (int c = 0; c < C; ++c) apply(L.spec.activation, fast_, dsts_[c], n);
          if (L.spec.gated)
            for (int c = 0; c < C; ++c) {
              apply(L.spec.secondary, fast_, dsts_[C + c], n);
              multiply(dsts_[c], dsts_[C + c], n);
            }
          for (int c = 0; c < C; ++c) accumulate(arr.headAcc.cur(c), dsts_[c], n);
        }
        // 1×1 with the residual: next input = input + W1·act + b1
        srcs_.assign(dsts_.begin(), dsts_.begin() + C);
        inits_.clear();
        dsts_.clear();
        for (int c = 0; c < C; ++c) {
          inits_.push_back(L.in.cur(c));
          dsts_.push_back(l + 1 < arr.layers.size() ? arr.layers[l + 1].in.cur(c)
                                                    : arr.out.data() + static_cast<size_t>(c) * kBlock);
        }
        Gemm g1;
        g1.nOut = C;
        g1.nSrc = C;
        g1.w = L.w1.data();
        g1.bias = L.b1.data();
        g1.src = srcs_.data();
        g1.init = inits_.data();
        g1.dst = dsts_.data();
        g1.n = n;
        gemm(g1);
      }
      // head rechannel: a causal conv over the accumulated head rows
      const int Kh = arr.spec.headKernelSize, dh = arr.spec.headDilation;
      srcs_.clear();
      for (int i = 0; i < C; ++i)
        for (int k = 0; k < Kh; ++k) srcs_.push_back(arr.headAcc.cur(i) - static_cast<ptrdiff_t>(dh) * (Kh - 1 - k));
      dsts_.clear();
      for (int o = 0; o < arr.spec.headSize; ++o) dsts_.push_back(arr.headOut.data() + static_cast<size_t>(o) * kBlock);
      Gemm gh;
      gh.nOut = arr.spec.headSize;
      gh.nSrc = C * Kh;
      gh.w = arr.headW.data();
      gh.bias = arr.headB.empty() ? nullptr : arr.headB.data();
      gh.src = srcs_.data();
      gh.dst = dsts_.data();
      gh.n = n;
      gemm(gh);
      for (Layer& L : arr.layers) L.in.advance(n);
      arr.headAcc.advance(n);
      prev = &arr;
    }
    scale(y, prev->headOut.data(), headScale_, static_cast<size_t>(n));
  }

  bool fast_;
  std::vector<Array> arrays_;
  std::vector<float> z_;
  float headScale_ = 1;
  size_t rf_ = 0;
  std::vector<const float*> srcs_, inits_;
  std::vector<float*> dsts_;
};

// ---- LSTM --------------------------------------------------------------------------------------

class Lstm final : public Network {
  struct Cell {
    int in = 0, H = 0;
    std::vector<float> w, b, xh, c, ifgo;  // w transposed: [in + H][4H]
  };

 public:
  explicit Lstm(const ModelSpec& s) : fast_(s.fastTanh), rate_(s.sampleRate) {
    positive(s.numLayers, "num_layers");
    positive(s.hiddenSize, "hidden_size");
    if (s.inputSize != 1) throw std::invalid_argument("input_size must be 1 (mono input)");
    WeightReader r(s.weights);
    const int H = s.hiddenSize;
    for (int l = 0; l < s.numLayers; ++l) {
      Cell c;
      c.in = l == 0 ? s.inputSize : H;
      c.H = H;
      // stored [4H][in + H]; kept transposed so that the per-sample product runs along 4H
      const std::vector<float> w = r.take(static_cast<size_t>(4 * H) * (c.in + H));
      const int cols = c.in + H;
      c.w.assign(w.size(), 0.0f);
      for (int i = 0; i < 4 * H; ++i)
        for (int j = 0; j < cols; ++j) c.w[static_cast<size_t>(j) * 4 * H + i] = w[static_cast<size_t>(i) * cols + j];
      c.b = r.take(4 * H);
      c.xh.assign(c.in + H, 0.0f);
      std::vector<float> h0 = r.take(H);
      std::copy(h0.begin(), h0.end(), c.xh.begin() + c.in);
      c.c = r.take(H);
      c.ifgo.assign(4 * H, 0.0f);
      cells_.push_back(std::move(c));
    }
    headW_ = r.take(H);
    headB_ = r.one();
    r.finish();
  }

  size_t prewarmSamples() const override {
    const long n = static_cast<long>(0.5 * rate_);
    return n <= 0 ? 1 : static_cast<size_t>(n);
  }

  void process(const float* in, float* out, size_t n) override {
    for (size_t t = 0; t < n; ++t) {
      const float* x = in + t;
      for (Cell& c : cells_) {
        std::copy(x, x + c.in, c.xh.begin());
        lstmGates(c.w.data(), c.b.data(), c.xh.data(), c.in + c.H, 4 * c.H, c.ifgo.data());
        const int H = c.H;
        float* h = c.xh.data() + c.in;
        const float* g = c.ifgo.data();
        if (fast_) {
          for (int i = 0; i < H; ++i)
            c.c[i] = fastSigmoid(g[H + i]) * c.c[i] + fastSigmoid(g[i]) * fastTanhScalar(g[2 * H + i]);
          for (int i = 0; i < H; ++i) h[i] = fastSigmoid(g[3 * H + i]) * fastTanhScalar(c.c[i]);
        } else {
          for (int i = 0; i < H; ++i) c.c[i] = sigmoid(g[H + i]) * c.c[i] + sigmoid(g[i]) * std::tanh(g[2 * H + i]);
          for (int i = 0; i < H; ++i) h[i] = sigmoid(g[3 * H + i]) * std::tanh(c.c[i]);
        }
        x = h;
      }
      float s = headB_;
      for (size_t i = 0; i < headW_.size(); ++i) s += headW_[i] * x[i];
      out[t] = s;
    }
  }

 private:
  static float fastSigmoid(float x) { return 0.5f * (fastTanhScalar(x * 0.5f) + 1.0f); }
  bool fast_;
  double rate_;
  std::vector<Cell> cells_;
  std::vector<float> headW_;
  float headB_ = 0;
};

// ---- ConvNet -----------------------------------------------------------------------------------

class ConvNet final : public Network {
  struct Block {
    int in = 1, d = 1;
    Hist hist;
    std::vector<float> w, b, scale, loc;  // w [ch][in·2]
  };

 public:
  explicit ConvNet(const ModelSpec& s) : fast_(s.fastTanh), act_(s.activation), ch_(s.channels) {
    positive(s.channels, "channels");
    if (s.dilations.empty()) throw std::invalid_argument("dilations must not be empty");
    WeightReader r(s.weights);
    const int C = s.channels;
    for (size_t i = 0; i < s.dilations.size(); ++i) {
      positive(s.dilations[i], "dilation");
      Block b;
      b.in = i == 0 ? 1 : C;
      b.d = s.dilations[i];
      b.w = r.take(static_cast<size_t>(C) * b.in * 2);
      if (!s.batchnorm) b.b = r.take(C);
      if (s.batchnorm) {
        const std::vector<float> mean = r.take(C), var = r.take(C), weight = r.take(C), bias = r.take(C);
        const float eps = r.one();
        b.scale.resize(C);
        b.loc.resize(C);
        for (int c = 0; c < C; ++c) {
          b.scale[c] = weight[c] / std::sqrt(eps + var[c]);
          b.loc[c] = bias[c] - b.scale[c] * mean[c];
        }
      }
      b.hist.init(b.in, b.d);
      rf_ += static_cast<size_t>(b.d);
      blocks_.push_back(std::move(b));
    }
    headW_ = r.take(C);
    headB_ = r.one();
    r.finish();
    rf_ += 1;
    last_.assign(static_cast<size_t>(C) * kBlock, 0.0f);
  }

  size_t prewarmSamples() const override { return rf_; }

  void process(const float* in, float* out, size_t n) override {
    inBlocks(in, out, n, [this](const float* x, float* y, int m) { block(x, y, m); });
  }

 private:
  void block(const float* x, float* y, int n) {
    for (Block& b : blocks_) b.hist.prepare(n);
    std::copy(x, x + n, blocks_[0].hist.cur(0));
    for (size_t i = 0; i < blocks_.size(); ++i) {
      Block& b = blocks_[i];
      srcs_.clear();
      for (int c = 0; c < b.in; ++c) {
        srcs_.push_back(b.hist.cur(c) - b.d);
        srcs_.push_back(b.hist.cur(c));
      }
      dsts_.clear();
      for (int o = 0; o < ch_; ++o)
        dsts_.push_back(i + 1 < blocks_.size() ? blocks_[i + 1].hist.cur(o)
                                               : last_.data() + static_cast<size_t>(o) * kBlock);
      Gemm g;
      g.nOut = ch_;
      g.nSrc = 2 * b.in;
      g.w = b.w.data();
      g.bias = b.b.empty() ? nullptr : b.b.data();
      g.src = srcs_.data();
      g.dst = dsts_.data();
      g.n = n;
      gemm(g);
      for (int o = 0; o < ch_; ++o) {
        float* row = dsts_[o];
        if (!b.scale.empty())
          for (int t = 0; t < n; ++t) row[t] = row[t] * b.scale[o] + b.loc[o];
        apply(act_, fast_, row, n);
      }
    }
    srcs_.clear();
    for (int c = 0; c < ch_; ++c) srcs_.push_back(last_.data() + static_cast<size_t>(c) * kBlock);
    float* dst = y;
    Gemm gh;
    gh.nOut = 1;
    gh.nSrc = ch_;
    gh.w = headW_.data();
    gh.bias = &headB_;
    gh.src = srcs_.data();
    gh.dst = &dst;
    gh.n = n;
    gemm(gh);
    for (Block& b : blocks_) b.hist.advance(n);
  }

  bool fast_;
  Activation act_;
  int ch_;
  std::vector<Block> blocks_;
  std::vector<float> headW_, last_;
  float headB_ = 0;
  size_t rf_ = 0;
  std::vector<const float*> srcs_;
  std::vector<float*> dsts_;
};

// ---- Linear ------------------------------------------------------------------------------------

class Linear final : public Network {
 public:
  explicit Linear(const ModelSpec& s) {
    positive(s.receptiveField, "receptive_field");
    WeightReader r(s.weights);
    h_ = r.take(s.receptiveField);
    if (s.bias) b_ = r.one();
    r.finish();
    hist_.init(1, s.receptiveField - 1);
  }
  size_t prewarmSamples() const override { return 0; }
  void process(const float* in, float* out, size_t n) override {
    while (n > 0) {
      const int m = static_cast<int>(std::min<size_t>(n, kBlock));
      hist_.prepare(m);
      float* cur = hist_.cur(0);
      std::copy(in, in + m, cur);
      srcs_.clear();
      for (size_t k = 0; k < h_.size(); ++k) srcs_.push_back(cur - k);
      Gemm g;
      g.nOut = 1;
      g.nSrc = static_cast<int>(h_.size());
      g.w = h_.data();
      g.bias = &b_;
      g.src = srcs_.data();
      g.dst = &out;
      g.n = m;
      gemm(g);
      hist_.advance(m);
      in += m;
      out += m;
      n -= static_cast<size_t>(m);
    }
  }

 private:
  std::vector<float> h_;
  float b_ = 0;
  Hist hist_;
  std::vector<const float*> srcs_;
};

}  // namespace

bool activationKind(const std::string& name, ActKind& out) {
  static const struct {
    const char* name;
    ActKind kind;
  } table[] = {{"Tanh", ActKind::Tanh},
               {"Hardtanh", ActKind::Hardtanh},
               {"Fasttanh", ActKind::Fasttanh},
               {"ReLU", ActKind::ReLU},
               {"LeakyReLU", ActKind::LeakyReLU},
               {"PReLU", ActKind::LeakyReLU},
               {"Sigmoid", ActKind::Sigmoid},
               {"SiLU", ActKind::SiLU},
               {"Hardswish", ActKind::Hardswish},
               {"LeakyHardtanh", ActKind::LeakyHardtanh},
               {"LeakyHardTanh", ActKind::LeakyHardtanh},
               {"Softsign", ActKind::Softsign}};
  for (const auto& e : table)
    if (name == e.name) {
      out = e.kind;
      return true;
    }
  return false;
}

std::unique_ptr<Network> makeNetwork(const ModelSpec& spec) {
  std::unique_ptr<Network> net;
  if (spec.architecture == "WaveNet")
    net = std::make_unique<WaveNet>(spec);
  else if (spec.architecture == "LSTM")
    net = std::make_unique<Lstm>(spec);
  else if (spec.architecture == "ConvNet")
    net = std::make_unique<ConvNet>(spec);
  else if (spec.architecture == "Linear")
    net = std::make_unique<Linear>(spec);
  else
    throw std::invalid_argument("unsupported architecture " + spec.architecture);
  DenormalGuard guard;
  const size_t warm = net->prewarmSamples();
  std::vector<float> zeros(std::min<size_t>(warm, 4096), 0.0f), sink(zeros.size());
  for (size_t done = 0; done < warm;) {
    const size_t m = std::min(zeros.size(), warm - done);
    net->process(zeros.data(), sink.data(), m);
    done += m;
  }
  return net;
}

}  // namespace nam
}  // namespace shub
