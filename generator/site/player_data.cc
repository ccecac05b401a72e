#include "site/player_data.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "site/generated_sections.h"
#include "site/page_frames.h"

namespace cl {
namespace {

// JSON allows any character to be \u-escaped, and these are the ones that
// matter to an HTML parser inside a <script> element.
std::string EscapeForScript(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char ch : json) {
    switch (ch) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace

std::string PlayerJson(const BuiltLesson& built, const RenderOptions& options, const std::string& prefix) {
  auto at = [&prefix](const std::string& path) { return path.empty() ? path : prefix + path; };
  nlohmann::ordered_json variants = nlohmann::ordered_json::array();
  for (const BuiltVariant& bv : built.variants) {
    nlohmann::ordered_json beats = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < bv.story.beats.size(); ++i) {
      const Beat& b = bv.story.beats[i];
      beats.push_back({{"stage", StageName(b.stage)},
                       {"step", b.step},
                       {"title", b.stage_title},
                       {"caption", b.caption},
                       {"alt", b.description},
                       {"src", at(PageFrame(bv, i, options))},
                       {"tall_src", at(PageTallFrame(bv, i, options))},
                       {"svg", options.Wants("svg") ? at(bv.frame_svg[i]) : std::string()},
                       {"png", options.Wants("png") ? at(bv.frame_png[i]) : std::string()}});
    }
    variants.push_back({{"label", bv.variant->label},
                        {"width", std::lround(bv.geometry.width)},
                        {"height", std::lround(bv.geometry.height)},
                        {"tall_width", std::lround(bv.tall_geometry.width)},
                        {"tall_height", std::lround(bv.tall_geometry.height)},
                        {"beats", std::move(beats)}});
  }
  return ScriptJson({{"variants", std::move(variants)}});
}

std::string ScriptJson(const nlohmann::ordered_json& json) {
  // Invalid UTF-8 in a caption must not throw: replace it instead.
  return EscapeForScript(json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace cl
