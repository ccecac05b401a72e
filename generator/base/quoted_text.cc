#include "base/quoted_text.h"

#include <fmt/format.h>

namespace cl {

std::string QuotedText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (byte < 0x20 || byte == 0x7f)
          out += fmt::format("\\u{:04x}", byte);
        else
          out += ch;
    }
  }
  out += '"';
  return out;
}

}  // namespace cl
