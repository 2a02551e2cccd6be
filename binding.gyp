{
  "targets": [
    {
      "target_name": "shub_native",
      "sources": [
        "native/src/addon.cc",
        "native/src/pcm.cc",
        "native/src/kweighting.cc",
        "native/src/loudness.cc",
        "native/src/truepeak.cc",
        "native/src/levelstats.cc",
        "native/src/levelmeter.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native/src"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-Wall", "-Wextra"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags!": ["-fno-exceptions"]
    }
  ]
}
