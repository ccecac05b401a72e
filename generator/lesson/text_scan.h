// Text scanning helpers for lesson sources: UTF-8 validation before parsing,
// code-point counting for limits and carets, and byte offsets to 1-based
// line:column positions (columns count code points, as people see them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cl {

struct EncodingProblem {
  std::size_t offset = 0;  // byte offset of the offending byte
  std::string message;     // e.g. "the file is not valid UTF-8 (byte 0xff)"
};

// Code points a lesson may not hold, written out or as a YAML escape: the
// control characters (below U+0020 except tab, line feed and carriage return;
// U+007F; U+0080 to U+009F) and the noncharacters (U+FDD0 to U+FDEF and the
// last two of every plane, such as U+FFFF). XML and HTML refuse them, and
// Cairo refuses noncharacters in PDF text, so letting one through would fail
// a build that `check` passed.
bool IsForbiddenCodePoint(uint32_t cp);

// The first forbidden code point of `text` (malformed bytes are skipped) with
// its byte offset and why it is refused ("control character U+0007 is not
// allowed in a lesson"); nullopt when there is none.
std::optional<EncodingProblem> FindForbiddenCodePoint(std::string_view text);

// The first byte that is not valid UTF-8, or the first forbidden code point;
// nullopt when the text is clean.
std::optional<EncodingProblem> FindEncodingProblem(std::string_view text);

// `text` with every malformed byte and every forbidden code point replaced by
// '?', so that a snippet of a broken file can be printed safely. Bytes before
// the first problem keep their offsets.
std::string SanitizeForDisplay(std::string_view text);

// `text` with every bidirectional embedding, override (U+202A, U+202B,
// U+202D, U+202E) and isolate (U+2066 to U+2068) it leaves open closed at its
// end (U+202C, U+2069), as UAX #9 pairs them; balanced text is returned as it
// is. A one-line text is later set next to other words ("Max pooling",
// "filter: the map will be 4x4") in frames, captions and pages; left open, an
// override written in it would reverse those words too.
std::string CloseBidiControls(std::string_view text);

// Number of code points in valid UTF-8 (continuation bytes are not counted).
int CountCodePoints(std::string_view text);

struct LineColumn {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
};
// Position of byte `offset` in `text` (offset may equal text.size()).
LineColumn LineColumnAt(std::string_view text, std::size_t offset);

// LineColumnAt for many look-ups in one text: it keeps the position of every
// line start and of a point every 4 KiB along long lines, so a look-up scans
// at most 4 KiB instead of the text up to the offset. A file with a problem
// on each of 50000 keys is then reported in linear time, not quadratic.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn At(std::size_t offset) const;
  std::string_view text() const { return text_; }

 private:
  struct Checkpoint {
    std::size_t offset;
    LineColumn at;
  };
  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;  // by offset; the first is {0, {1, 1}}
};

}  // namespace cl
