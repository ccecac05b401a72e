#include "site/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "base/number_format.h"

namespace cl {
namespace {

using Json = nlohmann::ordered_json;

// A GridRef is a binary value (which nothing else in the tool makes) of this
// subtype whose bytes are the grid's address.
constexpr std::uint64_t kGridRefSubtype = 0x4752494452454600;  // "GRIDREF"

const Grid* GridOf(const Json& v) {
  if (!v.is_binary()) return nullptr;
  const Json::binary_t& bytes = v.get_binary();
  if (!bytes.has_subtype() || bytes.subtype() != kGridRefSubtype || bytes.size() != sizeof(std::uintptr_t))
    return nullptr;
  std::uintptr_t address = 0;
  std::memcpy(&address, bytes.data(), sizeof address);
  return reinterpret_cast<const Grid*>(address);  // NOLINT(performance-no-int-to-ptr): GridRef's own bytes
}

// A floating-point number, and a grid's (as NumberJson's value would be
// written: FormatNumber already writes an integral value within 2^53 as that
// integer, -0 as 0); JSON has no infinity or NaN.
void WriteNumber(double d, std::string& out) { out += std::isfinite(d) ? FormatNumber(d) : "null"; }

// Writes text into `out` and hands it on whenever it passes a megabyte.
class Output {
 public:
  explicit Output(const JsonPieceFn* put) : put_(put) {}
  std::string& text() { return text_; }
  // After each value: passes the text on when it is large enough.
  bool Flush(bool last = false) {
    if (!put_ || !ok_ || text_.empty() || (!last && text_.size() < kPiece)) return ok_;
    ok_ = (*put_)(text_);
    text_.clear();
    return ok_;
  }
  bool ok() const { return ok_; }

 private:
  static constexpr std::size_t kPiece = std::size_t{1} << 20;
  const JsonPieceFn* put_;
  std::string text_;
  bool ok_ = true;
};

bool IsContainer(const Json& v) { return v.is_array() || v.is_object() || GridOf(v); }

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
    case Json::value_t::number_float:
      WriteNumber(v.get<double>(), out);
      return;
    case Json::value_t::string:
      WriteString(v.get_ref<const std::string&>(), out);
      return;
    default:  // null, booleans, integers: nlohmann's form is already the contract's
      out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

std::string Indent(int indent, int depth) {
  return indent >= 0 ? std::string(static_cast<std::size_t>(indent * depth), ' ') : "";
}

// As Write would write a tree of the grid's rows: rows on their own lines
// when pretty, each row's numbers on one.
void WriteGrid(const Grid& grid, int indent, int depth, Output& out) {
  std::string& text = out.text();
  if (grid.rows == 0) {
    text += "[]";
    return;
  }
  const bool pretty = indent >= 0;
  const std::string inner = Indent(indent, depth + 1);
  text += '[';
  for (int r = 0; r < grid.rows; ++r) {
    if (r > 0) text += ',';
    if (pretty) text += '\n' + inner;
    text += '[';
    for (int c = 0; c < grid.cols; ++c) {
      if (c > 0) text += pretty ? ", " : ",";
      WriteNumber(grid.at(r, c), text);
    }
    text += ']';
    if (!out.Flush()) return;
  }
  if (pretty) text += '\n' + Indent(indent, depth);
  text += ']';
}

void Write(const Json& v, int indent, int depth, Output& out) {
  if (!out.ok()) return;
  if (const Grid* grid = GridOf(v)) return WriteGrid(*grid, indent, depth, out);
  std::string& text = out.text();
  if (!IsContainer(v)) return WriteScalar(v, text);
  const bool is_array = v.is_array();
  text += is_array ? '[' : '{';
  if (v.empty()) {
    text += is_array ? ']' : '}';
    return;
  }
  const bool pretty = indent >= 0;
  const bool inline_row = pretty && is_array && AllScalars(v);
  const std::string inner = Indent(indent, depth + 1);
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) text += inline_row ? ", " : ",";
    first = false;
    if (pretty && !inline_row) text += '\n' + inner;
    if (!is_array) {
      WriteString(it.key(), text);
      text += pretty ? ": " : ":";
    }
    Write(it.value(), indent, depth + 1, out);
    if (!out.Flush()) return;
  }
  if (pretty && !inline_row) text += '\n' + Indent(indent, depth);
  text += is_array ? ']' : '}';
}

}  // namespace

Json GridRef(const Grid& grid) {
  const auto address = reinterpret_cast<std::uintptr_t>(&grid);
  Json::binary_t::container_type bytes(sizeof address);
  std::memcpy(bytes.data(), &address, sizeof address);
  return Json::binary(std::move(bytes), kGridRefSubtype);
}

std::string WriteJson(const nlohmann::ordered_json& value, int indent) {
  Output out(nullptr);
  Write(value, indent, 0, out);
  return std::move(out.text());
}

bool WriteJsonTo(const nlohmann::ordered_json& value, int indent, const JsonPieceFn& put) {
  Output out(&put);
  Write(value, indent, 0, out);
  return out.Flush(/*last=*/true);
}

}  // namespace cl
