#include "scene/text_fit.h"

#include "scene/text_metrics.h"

namespace cl {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    // A position "(12, 3)" is one word: a line never ends inside it.
    while (j + 1 < text.size() && text[i] == '(' && text[j - 1] == ',' &&
           text.substr(i, j - i).find(')') == std::string_view::npos) {
      ++j;
      while (j < text.size() && text[j] != ' ') ++j;
    }
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

std::string FitText(std::string_view text, double size, double width, bool bold, std::size_t min_kept) {
  if (TextWidth(text, size, bold) <= width) return std::string(text);
  const double room = width - TextWidth(kEllipsis, size, bold);
  if (room < 0) return "";
  // Longest prefix that fits, cut at a character boundary. Widths grow with
  // the prefix, so a binary search over the boundaries finds it; long hostile
  // labels cost O(n log n), not O(n^2).
  std::vector<std::size_t> boundaries;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || !IsContinuationByte(text[i])) boundaries.push_back(i);
  std::size_t lo = 0, hi = boundaries.size() - 1;  // boundaries[lo] fits (0 always does)
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (TextWidth(text.substr(0, boundaries[mid]), size, bold) <= room)
      lo = mid;
    else
      hi = mid - 1;
  }
  const std::size_t end = boundaries[lo];
  std::string out(text.substr(0, end));
  std::size_t kept = lo;  // characters: boundaries[lo] ends the lo-th
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
    --kept;
  }
  if (kept < min_kept) return "";
  return out + std::string(kEllipsis);
}

std::vector<std::string> WrapText(std::string_view text, double size, double width, int max_lines, bool bold) {
  std::vector<std::string> lines;
  std::string line;
  bool truncated = false;
  // The line's width kept as it grows, in the font's units (which add up
  // exactly), instead of measuring each longer candidate whole.
  const long long space = TextUnits(" ", bold);
  long long line_units = 0;
  for (std::string_view word : Words(text)) {
    const long long word_units = TextUnits(word, bold);
    const long long candidate = line.empty() ? word_units : line_units + space + word_units;
    if (WidthOfUnits(candidate, size, bold) <= width) {
      if (!line.empty()) line += ' ';
      line += word;
      line_units = candidate;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    if (static_cast<int>(lines.size()) >= max_lines) {
      truncated = true;
      break;
    }
    line = FitText(word, size, width, bold);  // a word wider than a line is cut
    line_units = TextUnits(line, bold);
  }
  if (!truncated && !line.empty()) {
    if (static_cast<int>(lines.size()) < max_lines)
      lines.push_back(std::move(line));
    else
      truncated = true;
  }
  if (truncated && !lines.empty()) {
    // Mark the cut after the last whole word that leaves room for " …".
    std::string& last = lines.back();
    const std::string mark = " " + std::string(kEllipsis);
    while (TextWidth(last + mark, size, bold) > width && last.find(' ') != std::string::npos)
      last.erase(last.rfind(' '));
    last = FitText(last + mark, size, width, bold);
  }
  return lines;
}

}  // namespace cl
