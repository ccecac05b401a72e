#include "cli/build_settings.h"

namespace cl {

std::string_view GeneratorIdentity() {
#ifdef CONVLESSON_FINGERPRINT
  return "convlesson " CONVLESSON_VERSION " sources " CONVLESSON_FINGERPRINT;
#else
  return "convlesson " CONVLESSON_VERSION;
#endif
}

}  // namespace cl
