#include "cli/build_settings.h"

// Written by cli/fingerprint.cmake; absent when the sources are built some other way.
#if __has_include("cl_fingerprint.h")
#include "cl_fingerprint.h"
#endif

namespace cl {

std::string_view GeneratorIdentity() {
#ifdef CONVLESSON_FINGERPRINT
  return "convlesson " CONVLESSON_VERSION " sources " CONVLESSON_FINGERPRINT;
#else
  return "convlesson " CONVLESSON_VERSION;
#endif
}

}  // namespace cl
