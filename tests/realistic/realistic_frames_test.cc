#define BOOST_TEST_MODULE realistic
// Lessons as course authors write them (tests/realistic/lessons/: PNG images
// with values 0 to 255 made here, decimals such as −0.75 and 3.125, leaky
// ReLU 0.25, 7x7 and 12x12 maps, 5x5 filters, stride 2, same padding), built
// the way `convlesson build` builds them. For every beat of every variant,
// every cell's text in the SVG is the lesson.json value as the tool formats
// it (base/number_format.h), every value the beat has written is there, and
// no value is set smaller than the minimum (1/128 of the frame's width, and
// never under 10 units).
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/file_sink.h"
#include "base/number_format.h"
#include "lesson/loader.h"
#include "render/png_encode.h"
#include "scene/layout.h"
#include "site/lesson_outputs.h"

using namespace cl;
using Json = nlohmann::json;

namespace {

// A grey PNG of `rows` x `cols` with every value from 0 to 255 somewhere: a
// soft gradient, a bright square and a dark line through it, as photos have.
std::string MakePng(int rows, int cols) {
  std::vector<uint8_t> rgb;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      int v = (r * cols + c) * 120 / (rows * cols - 1);
      if (r >= rows / 4 && r < rows - rows / 4 && c >= cols / 4 && c < cols - cols / 4) v = 230 - r * 3;
      if (r == c) v = 17 + r;
      if (r == 0 && c == 0) v = 0;
      if (r == rows - 1 && c == cols - 1) v = 255;
      for (int k = 0; k < 3; ++k) rgb.push_back(static_cast<uint8_t>(v));
    }
  }
  return EncodeRgbPng(cols, rows, rgb);
}

struct Folder {
  std::filesystem::path path;
  Folder() {
    path = std::filesystem::temp_directory_path() / ("convlesson-realistic-" + std::to_string(getpid()));
    std::filesystem::create_directories(path);
    for (auto [name, side] : {std::pair{"made-9x9.png", 9}, std::pair{"made-12x12.png", 12}}) {
      std::ofstream(path / name, std::ios::binary) << MakePng(side, side);
    }
  }
  ~Folder() { std::filesystem::remove_all(path); }
};

std::string ReadText(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Cells {
  int rows = 0, cols = 0;
  std::vector<double> x0, y0, x1, y1;  // each cell's box, row-major
};

// A grid group's cells: its first rows*cols filled rectangles without a stroke.
Cells CellsOf(const pugi::xml_node& group, int rows, int cols) {
  Cells cells{rows, cols, {}, {}, {}, {}};
  for (pugi::xml_node rect : group.children("rect")) {
    if (static_cast<int>(cells.x0.size()) == rows * cols) break;
    if (rect.attribute("stroke") || std::string(rect.attribute("fill").value()) == "none") continue;
    const double x = rect.attribute("x").as_double(), y = rect.attribute("y").as_double();
    cells.x0.push_back(x), cells.y0.push_back(y);
    cells.x1.push_back(x + rect.attribute("width").as_double());
    cells.y1.push_back(y + rect.attribute("height").as_double());
  }
  return cells;
}

// Index of the cell whose box holds the text's anchor, or -1.
int CellAt(const Cells& cells, double x, double y) {
  for (std::size_t i = 0; i < cells.x0.size(); ++i)
    if (x > cells.x0[i] && x < cells.x1[i] && y > cells.y0[i] && y < cells.y1[i]) return static_cast<int>(i);
  return -1;
}

pugi::xml_node GroupEndingWith(const pugi::xml_node& svg, const std::string& suffix) {
  return svg.find_node([&](const pugi::xml_node& n) {
    const std::string id = n.attribute("id").value();
    return std::string(n.name()) == "g" && id.size() >= suffix.size() &&
           id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0;
  });
}

// Checks one grid of one frame: every number text sits in a cell and reads
// as `value(row, col)` formatted; returns how many cells hold a number.
int CheckGrid(const pugi::xml_node& svg, const std::string& id, int rows, int cols,
              const std::function<double(int, int)>& value, double min_size) {
  const pugi::xml_node group = GroupEndingWith(svg, "-" + id);
  BOOST_REQUIRE_MESSAGE(group, "no group " << id);
  const Cells cells = CellsOf(group, rows, cols);
  BOOST_REQUIRE_EQUAL(static_cast<int>(cells.x0.size()), rows * cols);
  int numbers = 0;
  std::vector<int> seen(static_cast<std::size_t>(rows * cols), 0);
  for (pugi::xml_node text : group.children("text")) {
    if (text.attribute("font-weight")) continue;  // the panel's label
    const std::string mark = text.text().get();
    if (mark == "+" || mark == "\u2212") continue;  // a colour-only cell's sign
    const int at = CellAt(cells, text.attribute("x").as_double(), text.attribute("y").as_double());
    if (at < 0) continue;  // row and column indices, outside the cells
    const int row = at / cols, col = at % cols;
    BOOST_TEST_CONTEXT(id << " (" << row << ", " << col << ")") {
      BOOST_TEST(std::string(text.text().get()) == FormatNumberCell(value(row, col)));
      BOOST_TEST(text.attribute("font-size").as_double() >= min_size);
      BOOST_TEST(++seen[static_cast<std::size_t>(at)] == 1);
    }
    ++numbers;
  }
  return numbers;
}

double At(const Json& grid, int row, int col) { return grid.at(row).at(col).get<double>(); }

// A product as the caption writes its terms, at a cell's precision:
// negative factors in parentheses, "66·(−2)".
std::string Product(double pixel, double weight) {
  const auto factor = [](double x) { return x < 0 ? "(" + FormatNumberCell(x) + ")" : FormatNumberCell(x); };
  return factor(pixel) + "\u00B7" + factor(weight);
}

// Checks the products panel of a one-cell conv beat: for each weight (i, j)
// a group naming the padded-image cell it read, which must be the cell
// stride and dilation give for output (out_row, out_col) (worked out here,
// independently of compute's trace), holding pixel·weight of lesson.json's
// numbers (on one line or two), no text under `min_size`. Returns how many
// products it saw.
int CheckProducts(const pugi::xml_node& svg, int out_row, int out_col, const Json& conv_spec,
                  const std::function<double(int, int)>& padded, const Json& weights, double min_size) {
  const int stride_h = conv_spec.at("stride").at(0), stride_w = conv_spec.at("stride").at(1);
  const int dilation_h = conv_spec.at("dilation").at(0), dilation_w = conv_spec.at("dilation").at(1);
  int seen = 0;
  for (int i = 0; i < static_cast<int>(weights.size()); ++i) {
    for (int j = 0; j < static_cast<int>(weights.at(0).size()); ++j) {
      const int row = out_row * stride_h + i * dilation_h, col = out_col * stride_w + j * dilation_w;
      BOOST_TEST_CONTEXT("product (" << i << ", " << j << ")") {
        const pugi::xml_node group = GroupEndingWith(svg, "-product-" + std::to_string(i) + "-" + std::to_string(j));
        BOOST_REQUIRE_MESSAGE(group, "no product group");
        BOOST_TEST(std::string(group.attribute("aria-label").value()) ==
                   "pixel (" + std::to_string(row) + ", " + std::to_string(col) + ")");
        std::string text;
        for (pugi::xml_node t : group.children("text")) {
          text += t.text().get();
          BOOST_TEST(t.attribute("font-size").as_double() >= min_size);
        }
        BOOST_TEST(text == Product(padded(row, col), At(weights, i, j)));
        ++seen;
      }
    }
  }
  return seen;
}

// `layout`: the build's --layout (unset: the lesson's); `frames`: which
// file of each beat to check, "svg" or "tall_svg" (the tall frames a
// wide or slides build writes for phones).
// Returns how many of its variants are focused.
int CheckLesson(const std::string& name, std::optional<FrameLayout> layout = std::nullopt,
                const std::string& frames = "svg") {
  static Folder folder;
  const std::filesystem::path yaml = std::filesystem::path(CONVLESSON_TEST_DIR) / "realistic" / "lessons" / (name + ".yaml");
  const LoadResult loaded = LoadLessonText(ReadText(yaml), yaml.string(), folder.path.string());
  for (const Diagnostic& d : loaded.diagnostics) BOOST_TEST_MESSAGE(d.message);
  BOOST_REQUIRE(loaded.lesson.has_value());
  RenderOptions options;
  options.only = {"svg", "json"};
  options.layout = layout;
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(*loaded.lesson, options, sink, &diagnostics));
  const std::string prefix;  // the sink holds out/<id>/ relative paths
  const auto file = [&](const std::string& path) -> const std::string& {
    const auto it = sink.files().find(prefix + path);
    BOOST_REQUIRE_MESSAGE(it != sink.files().end(), "no file " << path);
    return it->second;
  };
  const Json lesson = Json::parse(file("lesson.json"));
  int beats_checked = 0, product_beats = 0, focused_variants = 0;
  for (const Json& v : lesson.at("variants")) {
    // The list shape (several filters or a bias): one channel, and the maps
    // of the filter each beat draws in front (its `map`).
    const bool list = v.contains("filters");
    const Json& image = list ? v.at("input").at(0) : v.at("input");
    const Json& pad = v.at("conv").at("padding");  // top, bottom, left, right
    const int image_rows = static_cast<int>(image.size()), image_cols = static_cast<int>(image.at(0).size());
    const int top = pad.at(0), bottom = pad.at(1), left = pad.at(2), right = pad.at(3);
    const bool has_activation = v.at("activation").at("type") != "none";
    const bool has_pool = !v.at("pool").is_null();
    const auto map_of = [&](const Json& output, int map) -> const Json& { return list ? output.at(map) : output; };
    const Json& first_conv = map_of(v.at("conv").at("output"), 0);
    const auto rows_of = [](const Json& g) { return static_cast<int>(g.size()); };
    const auto cols_of = [](const Json& g) { return static_cast<int>(g.at(0).size()); };
    // The lesson stays within the sizes whose every number must show.
    BOOST_TEST(image_rows + top + bottom <= kNumbersMaxImageSide);
    BOOST_TEST(rows_of(first_conv) <= kNumbersMaxMapSide);

    const Json& beats = v.at("beats");
    // A focused variant (docs/frames.md) shows in each stage's frames only
    // that stage's grids (slides: in the stages where that shows more
    // numbers); its summary shows them all, in the same frame size.
    bool focused = false;
    for (std::size_t b = 0; b < beats.size(); ++b) {
      pugi::xml_document frame;
      BOOST_REQUIRE(frame.load_string(file(beats[b].at(frames)).c_str()));
      focused |= !GroupEndingWith(frame.child("svg"), "-conv");  // only a focused pooling frame has none
      focused |= (has_activation && !GroupEndingWith(frame.child("svg"), "-activated")) ||
                 (has_pool && !GroupEndingWith(frame.child("svg"), "-pooled"));
    }
    focused_variants += focused;
    for (std::size_t b = 0; b < beats.size(); ++b) {
      const int map = list ? beats[b].at("map").get<int>() : 0;
      const Json& weights = list ? v.at("filters").at(map).at("weights").at(0) : v.at("filter").at("weights");
      const Json& conv = map_of(v.at("conv").at("output"), map);
      const Json& activated = map_of(v.at("activation").at("output"), map);
      const Json pooled = has_pool ? map_of(v.at("pool").at("output"), map) : Json::array({Json::array({0})});
      BOOST_REQUIRE_MESSAGE(beats[b].at(frames).is_string(), "no " << frames << " frame");
      const std::string path = beats[b].at(frames);
      BOOST_TEST_CONTEXT(name << ": " << path) {
        pugi::xml_document doc;
        BOOST_REQUIRE(doc.load_string(file(path).c_str()));
        const pugi::xml_node svg = doc.child("svg");
        std::istringstream view_box(svg.attribute("viewBox").value());
        double vx = 0, vy = 0, width = 0;
        view_box >> vx >> vy >> width;
        BOOST_REQUIRE(width > 0);
        // Slides: no number under 1/50 of their height; a grid whose numbers
        // cannot be that large in a 16:9 frame shows colour only (all or none).
        const bool slides = layout == FrameLayout::Slides;
        const double min_size = slides ? 22 : std::max(kMinValueSize, width / 128);
        const std::string stage = beats[b].at("stage");
        // A focused summary, like slides, may show a grid in colour only.
        const bool colour_only_allowed = slides || (focused && stage == "summary");
        const auto all = [&](int shown, int cells) { return shown == cells || (colour_only_allowed && shown == 0); };
        // Which grids the frame shows: its stage's own where it is focused
        // (wide: every stage's but the summary's; slides: those gaining numbers).
        const bool every = GroupEndingWith(svg, "-input") && GroupEndingWith(svg, "-conv") &&
                           (!has_activation || GroupEndingWith(svg, "-activated")) &&
                           (!has_pool || GroupEndingWith(svg, "-pooled"));
        const bool focused_frame = focused && stage != "summary" && (!slides || !every);
        const bool conv_stage = stage == "intro" || stage == "conv";
        const bool shows_input = !focused_frame || conv_stage;
        const bool shows_conv = !focused_frame || conv_stage || stage == "activation" || (stage == "pool" && !has_activation);
        const bool shows_activated = has_activation && (!focused_frame || stage == "activation" || stage == "pool");
        const bool shows_pooled = has_pool && (!focused_frame || stage == "pool");
        for (const auto& [id, shown] : {std::pair{"input", shows_input}, std::pair{"filter", shows_input},
                                        std::pair{"conv", shows_conv}, std::pair{"activated", shows_activated},
                                        std::pair{"pooled", shows_pooled}})
          BOOST_TEST(static_cast<bool>(GroupEndingWith(svg, std::string("-") + id)) == shown, id);

        const auto padded = [&](int r, int c) {
          const int y = r - top, x = c - left;
          return y < 0 || x < 0 || y >= image_rows || x >= image_cols ? 0.0 : At(image, y, x);
        };
        const int shown_image =
            shows_input ? CheckGrid(svg, "input", image_rows + top + bottom, image_cols + left + right, padded, min_size) : -1;
        // A one-cell conv beat ("Position (r, c): …") shows every product.
        const std::string caption = beats[b].at("caption");
        int out_row = -1, out_col = -1;
        if (stage == "conv" && std::sscanf(caption.c_str(), "Position (%d, %d):", &out_row, &out_col) == 2 &&
            (!slides || GroupEndingWith(svg, "-products"))) {
          BOOST_TEST(CheckProducts(svg, out_row, out_col, v.at("conv"), padded, weights, min_size) ==
                     static_cast<int>(weights.size() * weights.at(0).size()));
          ++product_beats;
        } else if (stage != "conv" || !slides) {
          BOOST_TEST(!GroupEndingWith(svg, "-products"));  // only while a cell is computed
        }
        if (shows_input) {
          BOOST_TEST(all(shown_image, (image_rows + top + bottom) * (image_cols + left + right)));
          const int shown_weights =
              CheckGrid(svg, "filter", rows_of(weights), cols_of(weights), [&](int r, int c) { return At(weights, r, c); },
                        min_size);
          BOOST_TEST(all(shown_weights, rows_of(weights) * cols_of(weights)));
        }
        const int shown_conv =
            shows_conv ? CheckGrid(svg, "conv", rows_of(conv), cols_of(conv), [&](int r, int c) { return At(conv, r, c); }, min_size)
                       : rows_of(conv) * cols_of(conv);
        int shown_activated = 0, shown_pooled = 0;
        if (shows_activated)
          shown_activated = CheckGrid(svg, "activated", rows_of(activated), cols_of(activated),
                                      [&](int r, int c) { return At(activated, r, c); }, min_size);
        if (shows_pooled)
          shown_pooled = CheckGrid(svg, "pooled", rows_of(pooled), cols_of(pooled),
                                   [&](int r, int c) { return At(pooled, r, c); }, min_size);
        // What the beat has written so far is all there, zeros included.
        if (stage == "intro") BOOST_TEST(shown_conv == 0);
        if (stage == "summary" || stage == "activation" || stage == "pool")
          BOOST_TEST(all(shown_conv, rows_of(conv) * cols_of(conv)));
        if (shows_activated && (stage == "summary" || stage == "pool"))
          BOOST_TEST(all(shown_activated, rows_of(activated) * cols_of(activated)));
        if (has_pool && stage == "summary") BOOST_TEST(all(shown_pooled, rows_of(pooled) * cols_of(pooled)));
        ++beats_checked;
      }
    }
  }
  BOOST_TEST(beats_checked > 0);
  BOOST_TEST(product_beats > 0);
  return focused_variants;
}

}  // namespace

// Wide frames with every panel would be too tall for a player: each stage's
// frames show only its grids (focused), larger.
BOOST_AUTO_TEST_CASE(SobelOnA9x9Png) { BOOST_TEST(CheckLesson("sobel-png") == 2); }
BOOST_AUTO_TEST_CASE(DecimalsUnderA5x5Filter) { BOOST_TEST(CheckLesson("decimals-7x7") == 2); }
BOOST_AUTO_TEST_CASE(Png12x12WithASharedScale) { BOOST_TEST(CheckLesson("png-12x12") == 2); }
// Three filters with biases: every beat checked against the map it draws in front.
BOOST_AUTO_TEST_CASE(ThreeFiltersWithBias) { BOOST_TEST(CheckLesson("filters-and-bias") == 1); }
BOOST_AUTO_TEST_CASE(ThreeFiltersWithBiasAsTall) { BOOST_TEST(CheckLesson("filters-and-bias", FrameLayout::Tall) == 0); }

// Slides: 16:9, values at 22 units or more (1/50 of the height), every one
// shown in each grid that has room for them at that size.
BOOST_AUTO_TEST_CASE(SobelAsSlides) { CheckLesson("sobel-png", FrameLayout::Slides); }
BOOST_AUTO_TEST_CASE(DecimalsAsSlides) { CheckLesson("decimals-7x7", FrameLayout::Slides); }
BOOST_AUTO_TEST_CASE(Png12x12AsSlides) { CheckLesson("png-12x12", FrameLayout::Slides); }
// The tall frames a wide build writes for phones, and a tall build's own.
BOOST_AUTO_TEST_CASE(SobelTallFramesForPhones) { CheckLesson("sobel-png", std::nullopt, "tall_svg"); }
BOOST_AUTO_TEST_CASE(SobelAsTall) { CheckLesson("sobel-png", FrameLayout::Tall); }
