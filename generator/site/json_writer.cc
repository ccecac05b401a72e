#include "site/json_writer.h"

#include <cmath>

#include "base/number_format.h"

namespace cl {
namespace {

using Json = nlohmann::ordered_json;

bool IsContainer(const Json& v) { return v.is_array() || v.is_object(); }

bool AllScalars(const Json& array) {
  for (const Json& item : array)
    if (IsContainer(item)) return false;
  return true;
}

void WriteString(const std::string& s, std::string& out) {
  out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void WriteScalar(const Json& v, std::string& out) {
  switch (v.type()) {
    case Json::value_t::number_float: {
      const double d = v.get<double>();
      out += std::isfinite(d) ? FormatNumber(d) : "null";
      return;
    }
    case Json::value_t::string:
      WriteString(v.get_ref<const std::string&>(), out);
      return;
    default:  // null, booleans, integers, binary: nlohmann's form is already the contract's
      out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

void Write(const Json& v, int indent, int depth, std::string& out) {
  if (!IsContainer(v)) return WriteScalar(v, out);
  const bool is_array = v.is_array();
  out += is_array ? '[' : '{';
  if (v.empty()) {
    out += is_array ? ']' : '}';
    return;
  }
  const bool pretty = indent >= 0;
  const bool inline_row = pretty && is_array && AllScalars(v);
  const std::string inner = pretty ? std::string(static_cast<std::size_t>(indent * (depth + 1)), ' ') : "";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += inline_row ? ", " : ",";
    first = false;
    if (pretty && !inline_row) out += '\n' + inner;
    if (!is_array) {
      WriteString(it.key(), out);
      out += pretty ? ": " : ":";
    }
    Write(it.value(), indent, depth + 1, out);
  }
  if (pretty && !inline_row) out += '\n' + std::string(static_cast<std::size_t>(indent * depth), ' ');
  out += is_array ? ']' : '}';
}

}  // namespace

std::string WriteJson(const nlohmann::ordered_json& value, int indent) {
  std::string out;
  Write(value, indent, 0, out);
  return out;
}

}  // namespace cl
