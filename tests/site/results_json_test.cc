// The results object: key order, number forms and the writer's layout,
// compared as exact JSON text.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "../compute/test_support.h"
#include "base/number_format.h"
#include "site/json_writer.h"
#include "site/results_json.h"
#include "site/results_text.h"

namespace bdata = boost::unit_test::data;
using Json = nlohmann::ordered_json;
using cl::WriteJson;
using cl::test::G;

namespace {

cl::Lesson DefaultLesson() {
  cl::Lesson lesson;
  lesson.id = "conv-relu-pool";
  lesson.title = "Convolve, ReLU, pool";
  lesson.variants = {cl::test::DefaultVerticalEdge(), cl::test::DefaultHorizontalEdge()};
  return lesson;
}

std::vector<cl::VariantResult> ComputeAll(const cl::Lesson& lesson) {
  std::vector<cl::VariantResult> results;
  for (const cl::Variant& v : lesson.variants) results.push_back(cl::ComputeVariant(v));
  return results;
}

struct NumberCase {
  double value;
  const char* want;
  bool integer;
};
std::ostream& operator<<(std::ostream& os, const NumberCase& c) { return os << c.want; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ResultsJson)

BOOST_DATA_TEST_CASE(NumbersAgreeWithFormatNumber,
                     bdata::make(std::vector<NumberCase>{
                         {0.0, "0", true},
                         {-0.0, "0", true},
                         {-18.0, "-18", true},
                         {27.0, "27", true},
                         {0.5, "0.5", false},
                         {-0.18, "-0.18", false},
                         {1.0 / 9.0, "0.1111111111111111", false},
                         {0.1 + 0.2, "0.30000000000000004", false},
                         {0.0001, "1e-04", false},
                         {1e-9, "1e-09", false},
                         {123456.789, "123456.789", false},
                         {9007199254740992.0, "9007199254740992", true},
                         {9007199254740994.0, "9007199254740994", false},
                         {1e20, "100000000000000000000", false},
                         {1e300, "1e+300", false},
                     }),
                     c) {
  const Json j = cl::NumberJson(c.value);
  BOOST_TEST(j.is_number_integer() == c.integer);
  BOOST_TEST(WriteJson(j) == c.want);
  BOOST_TEST(WriteJson(j) == cl::FormatNumber(c.value));
}

BOOST_AUTO_TEST_CASE(NumbersAgreeWithFormatNumberOnASweep) {
  // Quotients and powers cover fixed, scientific and long-mantissa forms.
  for (int num = -40; num <= 40; num += 3) {
    for (int den : {1, 2, 3, 7, 9, 10, 1000, 3000000}) {
      for (double scale : {1e-12, 1e-5, 1.0, 1e7, 1e17}) {
        const double v = num * scale / den;
        BOOST_TEST(WriteJson(cl::NumberJson(v)) == cl::FormatNumber(v), "value " << v);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(WriterLayout) {
  Json j = Json::object();
  j["name"] = "a \"quoted\" \u00e9";
  j["rows"] = Json::array({Json::array({1, -2.5}), Json::array({0, 3})});
  j["flat"] = Json::array({0, 0, 1, 0});
  j["empty"] = Json::array();
  j["none"] = nullptr;
  j["nested"] = Json::object({{"ok", true}, {"list", Json::array({Json::object({{"x", 1}})})}});
  BOOST_TEST(WriteJson(j) == R"({
  "name": "a \"quoted\" é",
  "rows": [
    [1, -2.5],
    [0, 3]
  ],
  "flat": [0, 0, 1, 0],
  "empty": [],
  "none": null,
  "nested": {
    "ok": true,
    "list": [
      {
        "x": 1
      }
    ]
  }
})");
  BOOST_TEST(WriteJson(j, -1) ==
             R"({"name":"a \"quoted\" é","rows":[[1,-2.5],[0,3]],"flat":[0,0,1,0],"empty":[],"none":null,)"
             R"("nested":{"ok":true,"list":[{"x":1}]}})");
}

BOOST_AUTO_TEST_CASE(WriterNeverEmitsInvalidJson) {
  Json j = Json::array({std::numeric_limits<double>::infinity(), std::nan(""), std::string("bad \xff byte")});
  BOOST_TEST(WriteJson(j) == "[null, null, \"bad \xef\xbf\xbd byte\"]");
  BOOST_TEST(WriteJson(Json::object()) == "{}");
}

BOOST_AUTO_TEST_CASE(DefaultLessonHasTheContractNumbers) {
  const cl::Lesson lesson = DefaultLesson();
  const std::vector<cl::VariantResult> results = ComputeAll(lesson);  // the tree refers to them
  const Json j = cl::ResultsJson(lesson, results);
  BOOST_TEST(WriteJson(j["variants"][0], -1) ==
             R"({"label":"Vertical edge",)"
             R"("input":[[0,0,0,0,0,0],[0,0,9,9,0,0],[0,0,9,9,0,0],[0,0,9,9,0,0],[0,0,9,9,0,0],[0,0,0,0,0,0]],)"
             R"("filter":{"name":"Vertical edge","weights":[[1,0,-1],[1,0,-1],[1,0,-1]]},)"
             R"("conv":{"padding":[0,0,0,0],"stride":[1,1],"dilation":[1,1],)"
             R"("output":[[-18,-18,18,18],[-27,-27,27,27],[-27,-27,27,27],[-18,-18,18,18]]},)"
             R"("activation":{"type":"relu","output":[[0,0,18,18],[0,0,27,27],[0,0,27,27],[0,0,18,18]]},)"
             R"("pool":{"type":"max","size":[2,2],"stride":[2,2],"remainder":"drop","output":[[0,27],[0,27]]}})");
  BOOST_TEST(WriteJson(j["variants"][1], -1) ==
             R"({"label":"Horizontal edge",)"
             R"("input":[[0,0,0,0,0,0],[0,0,0,0,0,0],[0,9,9,9,9,0],[0,9,9,9,9,0],[0,0,0,0,0,0],[0,0,0,0,0,0]],)"
             R"("filter":{"name":"Horizontal edge","weights":[[1,1,1],[0,0,0],[-1,-1,-1]]},)"
             R"("conv":{"padding":[0,0,0,0],"stride":[1,1],"dilation":[1,1],)"
             R"("output":[[-18,-27,-27,-18],[-18,-27,-27,-18],[18,27,27,18],[18,27,27,18]]},)"
             R"("activation":{"type":"relu","output":[[0,0,0,0],[0,0,0,0],[18,27,27,18],[18,27,27,18]]},)"
             R"("pool":{"type":"max","size":[2,2],"stride":[2,2],"remainder":"drop","output":[[0,0],[27,27]]}})");
  BOOST_TEST(WriteJson(cl::ResultsHeaderJson(lesson)) == R"({
  "id": "conv-relu-pool",
  "title": "Convolve, ReLU, pool",
  "variants": []
})");
  BOOST_TEST(j["variants"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(VariantWithDecimalsLeakyAndPad) {
  cl::Variant v = cl::test::MakeVariant("Tiny", G({{1, -2, 0.5}}), "Custom", G({{1, 1}}));
  v.conv.pad_left = 1;
  v.activation = {cl::ActivationType::LeakyRelu, 0.5};
  v.pool = {.enabled = true, .type = cl::PoolType::Avg, .size_h = 1, .size_w = 2, .stride_h = 1, .stride_w = 2,
            .remainder = cl::Remainder::Pad};
  BOOST_TEST(WriteJson(cl::VariantJson(v, cl::ComputeVariant(v))) == R"({
  "label": "Tiny",
  "input": [
    [1, -2, 0.5]
  ],
  "filter": {
    "name": "Custom",
    "weights": [
      [1, 1]
    ]
  },
  "conv": {
    "padding": [0, 0, 1, 0],
    "stride": [1, 1],
    "dilation": [1, 1],
    "output": [
      [1, -1, -1.5]
    ]
  },
  "activation": {
    "type": "leaky-relu",
    "slope": 0.5,
    "output": [
      [1, -0.5, -0.75]
    ]
  },
  "pool": {
    "type": "avg",
    "size": [1, 2],
    "stride": [1, 2],
    "remainder": "pad",
    "output": [
      [0.25, -0.75]
    ]
  }
})");
}

BOOST_AUTO_TEST_CASE(PoolNoneIsNullAndActivationNoneHasNoSlope) {
  cl::Variant v = cl::test::MakeVariant("Plain", G({{2}}), "Custom", G({{-1}}));
  v.activation.type = cl::ActivationType::None;
  v.pool.enabled = false;
  BOOST_TEST(WriteJson(cl::VariantJson(v, cl::ComputeVariant(v)), -1) ==
             R"({"label":"Plain","input":[[2]],"filter":{"name":"Custom","weights":[[-1]]},)"
             R"("conv":{"padding":[0,0,0,0],"stride":[1,1],"dilation":[1,1],"output":[[-2]]},)"
             R"("activation":{"type":"none","output":[[-2]]},"pool":null})");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ResultsText)

BOOST_AUTO_TEST_CASE(ListsOnlyTheChosenVariantsWithATrailingNewline) {
  const cl::Lesson lesson = DefaultLesson();
  const std::string text = cl::ResultsJsonText(lesson, {&lesson.variants[1]});
  const std::string head = R"({
  "id": "conv-relu-pool",
  "title": "Convolve, ReLU, pool",
  "variants": [
    {
      "label": "Horizontal edge",)";
  BOOST_TEST(text.substr(0, head.size()) == head);
  BOOST_TEST(text.find("Vertical edge") == std::string::npos);
  BOOST_TEST(text.substr(text.size() - 4) == "]\n}\n");
  BOOST_TEST(text.find(R"(      "pool": {
        "type": "max",
        "size": [2, 2],
        "stride": [2, 2],
        "remainder": "drop",
        "output": [
          [0, 0],
          [27, 27]
        ]
      }
    }
  ]
}
)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AGridByReferenceIsWrittenAsItsRowsWouldBe) {
  // Every number form (integers, -0, decimals, 2^53 and past it, infinities,
  // NaN), an empty grid and a grid of empty rows, pretty and compact, inside
  // arrays and objects: GridRef writes what a tree of NumberJson rows does.
  const double inf = std::numeric_limits<double>::infinity();
  const cl::Grid numbers = G({{0, -0.0, 1.5, -18}, {9007199254740992.0, 9007199254740994.0, 1e-7, 2.0 / 3},
                              {inf, -inf, std::nan(""), 255}});
  const cl::Grid empty, empty_rows(2, 0);
  auto rows = [](const cl::Grid& g) {
    Json j = Json::array();
    for (int r = 0; r < g.rows; ++r) {
      Json row = Json::array();
      for (int c = 0; c < g.cols; ++c) row.push_back(cl::NumberJson(g.at(r, c)));
      j.push_back(std::move(row));
    }
    return j;
  };
  const Json by_ref = {{"one", cl::GridRef(numbers)},
                       {"list", Json::array({cl::GridRef(numbers), cl::GridRef(empty), cl::GridRef(empty_rows)})}};
  const Json by_value = {{"one", rows(numbers)}, {"list", Json::array({rows(numbers), rows(empty), rows(empty_rows)})}};
  for (int indent : {2, 0, -1}) BOOST_TEST(WriteJson(by_ref, indent) == WriteJson(by_value, indent), indent);
  BOOST_TEST(WriteJson(cl::GridRef(numbers), -1) ==
             "[[0,0,1.5,-18],[9007199254740992,9007199254740994,1e-07,0.6666666666666666],[null,null,null,255]]");
}

BOOST_AUTO_TEST_CASE(TextInPiecesIsTheWholeText) {
  // A tree of about 3 MB of text: WriteJsonTo hands it on in pieces of about
  // a megabyte that join into WriteJson's text, and stops when told to.
  cl::Grid big(600, 600);
  for (std::size_t i = 0; i < big.values.size(); ++i) big.values[i] = static_cast<double>(i % 1000) / 8;
  const Json tree = {{"title", "big"}, {"maps", Json::array({cl::GridRef(big), cl::GridRef(big)})}};
  const std::string whole = WriteJson(tree);
  std::string joined;
  int pieces = 0;
  BOOST_TEST(cl::WriteJsonTo(tree, 2, [&](std::string_view piece) {
    BOOST_TEST(piece.size() <= (std::size_t{1} << 20) + 8192);
    joined += piece;
    ++pieces;
    return true;
  }));
  BOOST_TEST(joined == whole);
  BOOST_TEST(pieces >= 3);
  int calls = 0;
  BOOST_TEST(!cl::WriteJsonTo(tree, 2, [&](std::string_view) { return ++calls < 2; }));
  BOOST_TEST(calls == 2);
}

BOOST_AUTO_TEST_CASE(SeveralFiltersTakeTheListShape) {
  // Two filters on a 2x3 image, the second with a bias: input [c][h][w],
  // filters with [c][k][k] weights and a bias, every output [f][h][w].
  cl::Variant v = cl::test::MakeVariant("Two", G({{1, 2, 3}, {4, 5, 6}}), "Left", G({{1, -1}}));
  v.filters = {v.filter, {"Right", G({{-1, 1}}), 0.5}};
  v.pool = {.enabled = true, .type = cl::PoolType::Max, .size_h = 1, .size_w = 2, .stride_h = 1, .stride_w = 2,
            .remainder = cl::Remainder::Drop};
  const std::string got = WriteJson(cl::VariantJson(v, cl::ComputeVariant(v)));
  BOOST_TEST(got ==
             "{\n"
             "  \"label\": \"Two\",\n"
             "  \"input\": [\n"
             "    [\n"
             "      [1, 2, 3],\n"
             "      [4, 5, 6]\n"
             "    ]\n"
             "  ],\n"
             "  \"filters\": [\n"
             "    {\n"
             "      \"name\": \"Left\",\n"
             "      \"weights\": [\n"
             "        [\n"
             "          [1, -1]\n"
             "        ]\n"
             "      ],\n"
             "      \"bias\": 0\n"
             "    },\n"
             "    {\n"
             "      \"name\": \"Right\",\n"
             "      \"weights\": [\n"
             "        [\n"
             "          [-1, 1]\n"
             "        ]\n"
             "      ],\n"
             "      \"bias\": 0.5\n"
             "    }\n"
             "  ],\n"
             "  \"conv\": {\n"
             "    \"padding\": [0, 0, 0, 0],\n"
             "    \"stride\": [1, 1],\n"
             "    \"dilation\": [1, 1],\n"
             "    \"output\": [\n"
             "      [\n"
             "        [-1, -1],\n"
             "        [-1, -1]\n"
             "      ],\n"
             "      [\n"
             "        [1.5, 1.5],\n"
             "        [1.5, 1.5]\n"
             "      ]\n"
             "    ]\n"
             "  },\n"
             "  \"activation\": {\n"
             "    \"type\": \"relu\",\n"
             "    \"output\": [\n"
             "      [\n"
             "        [0, 0],\n"
             "        [0, 0]\n"
             "      ],\n"
             "      [\n"
             "        [1.5, 1.5],\n"
             "        [1.5, 1.5]\n"
             "      ]\n"
             "    ]\n"
             "  },\n"
             "  \"pool\": {\n"
             "    \"type\": \"max\",\n"
             "    \"size\": [1, 2],\n"
             "    \"stride\": [1, 2],\n"
             "    \"remainder\": \"drop\",\n"
             "    \"output\": [\n"
             "      [\n"
             "        [0],\n"
             "        [0]\n"
             "      ],\n"
             "      [\n"
             "        [1.5],\n"
             "        [1.5]\n"
             "      ]\n"
             "    ]\n"
             "  }\n"
             "}");
}

BOOST_AUTO_TEST_SUITE_END()
