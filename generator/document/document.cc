#include "document/document.h"

namespace cl::doc {

std::string PlainText(const Runs& runs) {
  std::string out;
  for (const Run& run : runs) out += run.text;
  return out;
}

}  // namespace cl::doc
