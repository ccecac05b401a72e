#define BOOST_TEST_MODULE scene
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <thread>
#include <vector>

#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace cl {
std::ostream& operator<<(std::ostream& os, Color c) {
  return os << "rgb(" << int{c.r} << ", " << int{c.g} << ", " << int{c.b} << ")";
}
}  // namespace cl

struct WidthCase {
  const char* text;
  bool bold;
  double units;  // advance in font units (2048 per em), from the DejaVu fonts
};
std::ostream& operator<<(std::ostream& os, const WidthCase& c) { return os << c.text; }

BOOST_DATA_TEST_CASE(TextWidthUsesTheFontsAdvances,
                     bdata::make(std::vector<WidthCase>{
                         {"0", false, 1303},
                         {"\u221218", false, 1716 + 2 * 1303},  // U+2212 is as wide as '+'
                         {"\u00B7", false, 651},
                         {"\u2026", false, 2048},
                         {"W", true, 2259},
                         {"", false, 0},
                         {"\u4E2D", false, 2048},  // not in the table: one em
                         {"\xFF", false, 2048},    // malformed UTF-8: one em
                         {"A", false, 1401},
                         {"A", true, 1585},
                         {"\t", false, 2048},      // an ASCII character not in the table: one em
                         {"1.5 A\u2212", false, 1303 + 651 + 1303 + 651 + 1401 + 1716},  // ASCII and not, mixed
                     }),
                     c) {
  BOOST_TEST(TextWidth(c.text, 2048, c.bold) == c.units, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(TextWidth(c.text, 10, c.bold) == c.units * 10 / 2048, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(FontCoversOnlyWhatBothWeightsHave) {
  BOOST_TEST(FontCovers("Az09 -.,()"));
  BOOST_TEST(FontCovers("\u22123\u00B7"));
  BOOST_TEST(!FontCovers("a\tb"));        // a control character, in ASCII
  BOOST_TEST(!FontCovers("12\u4E2D"));    // a character DejaVu Sans lacks
  BOOST_TEST(!FontCovers("1\xFF"));       // malformed UTF-8
  BOOST_TEST(FontCovers(""));
}

BOOST_AUTO_TEST_CASE(FitTextShortensWithAnEllipsis) {
  BOOST_TEST(FitText("Feature map", 14, 1000) == "Feature map");
  const std::string cut = FitText("Feature map", 14, TextWidth("Feature\u2026", 14));
  BOOST_TEST(cut == "Feature\u2026");
  BOOST_TEST(FitText("\u00E9\u00E9\u00E9\u00E9", 10, TextWidth("\u00E9\u2026", 10)) == "\u00E9\u2026");  // whole characters
  BOOST_TEST(FitText("abc", 10, 1) == "");
  // With min_kept, a cut keeping fewer characters (trailing spaces aside) is "".
  const double room = TextWidth("Che\u2026", 10);
  BOOST_TEST(FitText("Checkerboard", 10, room, false, 3) == "Che\u2026");
  BOOST_TEST(FitText("Checkerboard", 10, room, false, 4) == "");
  BOOST_TEST(FitText("Ab cdefgh", 10, TextWidth("Ab \u2026", 10), false, 3) == "");  // "Ab…" keeps 2
  BOOST_TEST(FitText("Checkerboard", 10, 1000, false, 40) == "Checkerboard");           // fits whole
}

BOOST_AUTO_TEST_CASE(WrapTextBreaksAtSpacesAndMarksWhatIsLeftOut) {
  const double width = TextWidth("aaa bbb", 10);
  BOOST_TEST((WrapText("aaa bbb ccc ddd", 10, width, 4) == std::vector<std::string>{"aaa bbb", "ccc ddd"}));
  BOOST_TEST((WrapText("aaa bbb ccc ddd eee", 10, width, 2) == std::vector<std::string>{"aaa bbb", "ccc \u2026"}));
  BOOST_TEST((WrapText("", 10, width, 2).empty()));
  // A word wider than the line is cut to fit.
  const std::vector<std::string> lines = WrapText("aaaaaaaaaaaaaaaa", 10, width, 2);
  BOOST_TEST(lines.size() == 1u);
  BOOST_TEST(TextWidth(lines[0], 10) <= width);
}

// A caption's position "(0, 1)" never ends one line and starts the next
// ("= −175 at (0," / "0)" on a phone); other parentheses break as words do.
BOOST_AUTO_TEST_CASE(WrapTextKeepsAPositionOnOneLine) {
  const double width = TextWidth("max 4 at (0,", 10);
  BOOST_TEST((WrapText("max 4 at (0, 1) here", 10, width, 4) == std::vector<std::string>{"max 4 at", "(0, 1) here"}));
  BOOST_TEST((WrapText("max 4 at (12, 3):", 10, width, 4) == std::vector<std::string>{"max 4 at", "(12, 3):"}));
  BOOST_TEST((WrapText("(rows 0 to 1, cols 2 to 3)", 10, TextWidth("(rows 0 to 1,", 10), 4) ==
              std::vector<std::string>{"(rows 0 to 1,", "cols 2 to 3)"}));
}

// WrapText keeps a line's width as words join it: the widths of pieces cut
// at spaces add up, in the font's units, to exactly the whole's; and a line
// exactly as wide as the room still fits (at sizes where the width in
// points is not a round number).
BOOST_AUTO_TEST_CASE(TextWidthsAddUpAtSpaces) {
  const std::string whole = "Position (11, 36): 0\u00B70 + 9\u00B7(\u22124) = \u22129 \u00E9t\u00E9 \u05D0";
  long long pieces = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i < whole.size() && whole[i] != ' ') continue;
    pieces += TextUnits(whole.substr(start, i - start), true) + (i < whole.size() ? TextUnits(" ", true) : 0);
    start = i + 1;
  }
  BOOST_TEST(pieces == TextUnits(whole, true));
  for (double size : {7.3, 10.0, 13.7, 31.1}) {
    BOOST_TEST(WidthOfUnits(pieces, size, true) == TextWidth(whole, size, true));
    const double room = TextWidth("aaa bbb ccc", size);
    BOOST_TEST((WrapText("aaa bbb ccc ddd", size, room, 3) == std::vector<std::string>{"aaa bbb ccc", "ddd"}));
  }
}

BOOST_AUTO_TEST_CASE(DivergingScaleRunsBlueWhiteOrange) {
  BOOST_TEST((DivergingColor(0, 27) == Color{255, 255, 255}));
  BOOST_TEST((DivergingColor(-27, 27) == Color{33, 102, 172}));
  BOOST_TEST((DivergingColor(27, 27) == Color{179, 88, 6}));
  BOOST_TEST((DivergingColor(-100, 27) == Color{33, 102, 172}));  // saturates
  BOOST_TEST((DivergingColor(13.5, 27) == Color{253, 184, 99}));  // the middle stop
  // Same |value|: one side blue (b > r), the other orange (r > b).
  const Color neg = DivergingColor(-9, 27), pos = DivergingColor(9, 27);
  BOOST_TEST(neg.b > neg.r);
  BOOST_TEST(pos.r > pos.b);
}

// DivergingColor remembers the colours it made last on each thread: a
// value coloured on another scale, or -0 after 0, is never answered from
// that memory, so a thread that coloured much before gives what a fresh one
// gives.
BOOST_AUTO_TEST_CASE(DivergingColoursDoNotDependOnWhatWasColouredBefore) {
  std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 13.5, 27.0, -100.0};
  for (int k = 0; k < 5000; ++k) values.push_back((k % 199) * 0.37 - 36.0);
  const std::vector<double> scales = {27.0, 1.0, 36.5, 0.0};
  const auto colour_all = [&] {
    std::vector<Color> colours;
    for (const double scale : scales)
      for (const double v : values) colours.push_back(DivergingColor(v, scale));
    return colours;
  };
  std::vector<Color> fresh, warm;
  std::thread([&] { fresh = colour_all(); }).join();
  std::thread([&] {
    for (const double v : values) DivergingColor(v, 2.5), DivergingColor(v * 3, 27.0);
    warm = colour_all();
  }).join();
  BOOST_TEST((warm == fresh));
  BOOST_TEST((DivergingColor(13.5, 27) == Color{253, 184, 99}));
  BOOST_TEST((DivergingColor(13.5, 54) == Color{254, 224, 182}));  // the same value on another scale
}

BOOST_AUTO_TEST_CASE(TextColourKeepsContrast) {
  BOOST_TEST((TextColorOn(DivergingColor(-27, 27)) == Color{255, 255, 255}));
  BOOST_TEST((TextColorOn(DivergingColor(27, 27)) == Color{255, 255, 255}));
  BOOST_TEST((TextColorOn(Color{255, 255, 255}) == palette::kInk));
  BOOST_TEST((TextColorOn(DivergingColor(9, 27)) == palette::kInk));
}
