{
  "targets": [
    {
      "target_name": "shub_native",
      "sources": [
        "native/src/addon.cc",
        "native/src/addon_master.cc",
        "native/src/addon_mix.cc",
        "native/src/addon_nam.cc",
        "native/src/addon_reamp.cc",
        "native/src/addon_analysis.cc",
        "native/src/isa.cc",
        "native/src/pcm.cc",
        "native/src/kweighting.cc",
        "native/src/loudness.cc",
        "native/src/truepeak.cc",
        "native/src/levelstats.cc",
        "native/src/levelmeter.cc",
        "native/src/fft.cc",
        "native/src/featureextractor.cc",
        "native/src/pyin.cc",
        "native/src/drumdetect.cc",
        "native/src/post.cc",
        "native/src/post_addon.cc",
        "native/src/post_cold.cc",
        "native/src/filehash.cc",
        "native/src/dsp/biquad.cc",
        "native/src/dsp/dynamics.cc",
        "native/src/dsp/dot.cc",
        "native/src/dsp/limiter.cc",
        "native/src/dsp/resampler.cc",
        "native/src/master/render.cc",
        "native/src/dsp/gate.cc",
        "native/src/dsp/saturation.cc",
        "native/src/dsp/delay.cc",
        "native/src/dsp/reverb.cc",
        "native/src/mix/mixer.cc",
        "native/src/nam/kernels.cc",
        "native/src/nam/model.cc",
        "native/src/nam/runner.cc",
        "native/src/reamp/convolver.cc",
        "native/src/reamp/oversampler.cc",
        "native/src/reamp/amp.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native/src"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_CPP_EXCEPTIONS_ALL"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-ffp-contract=fast", "-fno-trapping-math", "-fno-math-errno", "-Wall", "-Wextra", "-Wno-psabi"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags!": ["-fno-exceptions"],
      "configurations": {
        "Release": {
          "cflags": ["-O3"],
          "cflags_cc": ["-O3"]
        }
      }
    }
  ]
}
