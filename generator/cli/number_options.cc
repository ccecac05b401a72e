#include "cli/number_options.h"

#include <algorithm>
#include <string>

namespace cl {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The longest run of digits at the start of `text`, removed from it.
std::size_t TakeDigits(std::string_view* text) {
  const auto end = std::find_if_not(text->begin(), text->end(), IsDigit);
  const auto n = static_cast<std::size_t>(end - text->begin());
  text->remove_prefix(n);
  return n;
}

void TakeSign(std::string_view* text) {
  if (!text->empty() && (text->front() == '+' || text->front() == '-')) text->remove_prefix(1);
}

}  // namespace

bool IsWholeNumber(std::string_view text) {
  TakeSign(&text);
  return TakeDigits(&text) > 0 && text.empty();
}

bool IsDecimalNumber(std::string_view text) {
  TakeSign(&text);
  if (TakeDigits(&text) == 0) return false;
  if (text.empty()) return true;
  if (text.front() != '.') return false;
  text.remove_prefix(1);
  return TakeDigits(&text) > 0 && text.empty();
}

CLI::Validator DecimalNumber() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return IsDecimalNumber(text) ? "" : "'" + text + "' is not a decimal number such as 2 or 1.5";
      },
      "DECIMAL");
}

CLI::Validator WholeNumber() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return IsWholeNumber(text) ? "" : "'" + text + "' is not a whole number such as 4";
      },
      "INTEGER");
}

}  // namespace cl
