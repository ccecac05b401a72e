#include "document/page_geometry.h"

namespace cl::doc {

PageGeometry Paper(std::string_view paper, bool compact) {
  PageGeometry g;
  if (paper == "letter") {
    g.width = 612;
    g.height = 792;
  } else {
    g.width = 210 / 25.4 * 72;  // 595.28
    g.height = 297 / 25.4 * 72; // 841.89
  }
  g.left = g.right = 64;
  g.top = 60;
  g.bottom = 72;
  g.footer_baseline = g.height - 42;
  if (compact) {  // the footer's 8 pt text still ends well inside kInkFreeBorder
    g.compact = true;
    g.left = g.right = 42;
    g.top = 36;
    g.bottom = 46;
    g.footer_baseline = g.height - 33;
  }
  return g;
}

}  // namespace cl::doc
