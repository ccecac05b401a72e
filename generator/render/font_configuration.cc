#include "render/font_configuration.h"

#include <fontconfig/fontconfig.h>

namespace cl {

void LoadFontConfiguration() {
  // A failure is left to the first use, which reports it as before.
  FcInit();
}

}  // namespace cl
