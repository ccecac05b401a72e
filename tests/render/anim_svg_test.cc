// Animated SVG: the default lesson's animation is well-formed XML with a
// title and a description, one group per beat shown for its stage's hold
// time in a loop, the summary alone when motion is reduced, shared parts
// that all resolve, and no script.
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "../support/default_scenes.h"
#include "compute/compute.h"
#include "render/anim_svg.h"
#include "render/svg_writer.h"
#include "scene/layout.h"
#include "storyboard/storyboard.h"

namespace cl {
namespace {

struct DefaultAnimation : testing::DefaultVariantScenes {
  std::string Write(double scale = 1.0) const {
    return WriteAnimatedSvg(story.animation, scene_at, "vertical-edge-anim-",
                            "Convolve, ReLU, pool: Vertical edge (animation)", scale);
  }
};

bool HasClass(const pugi::xml_node& node, const std::string& name) {
  const std::string classes = std::string(" ") + node.attribute("class").as_string() + " ";
  return classes.find(" " + name + " ") != std::string::npos;
}

std::vector<pugi::xml_node> Beats(const pugi::xml_document& doc) {
  std::vector<pugi::xml_node> beats;
  for (pugi::xml_node g : doc.child("svg").children("g")) {
    if (HasClass(g, "vertical-edge-anim-beat")) beats.push_back(g);
  }
  return beats;
}

BOOST_AUTO_TEST_SUITE(animated_svg)

BOOST_AUTO_TEST_CASE(well_formed_with_title_and_description_and_no_script) {
  const DefaultAnimation a;
  const std::string svg = a.Write();
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  BOOST_REQUIRE_MESSAGE(parsed, parsed.description());
  const pugi::xml_node root = doc.child("svg");
  BOOST_TEST(std::string(root.child_value("title")) == "Convolve, ReLU, pool: Vertical edge (animation)");
  BOOST_TEST(std::string(root.child_value("desc")) ==
             "An animation of 23 steps in a loop: 1 introduction, 16 convolution steps, 1 activation step, "
             "4 pooling steps and 1 summary. Last step: " + a.story.beats.back().caption);
  BOOST_TEST(std::string(root.attribute("role").as_string()) == "img");
  BOOST_TEST(doc.select_nodes("//script").empty());
  BOOST_TEST(doc.select_nodes("//@*[starts-with(name(), 'on')]").empty());
  BOOST_TEST(svg.find("javascript:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_group_per_beat_each_shown_for_its_hold_in_turn) {
  const DefaultAnimation a;
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(a.Write().c_str()));
  const std::vector<pugi::xml_node> beats = Beats(doc);
  BOOST_REQUIRE(beats.size() == a.story.beats.size());
  BOOST_REQUIRE(beats.size() == 23u);
  // All beats run from the first instant on one 24.1 s cycle; beat i starts
  // at the sum of the holds before it, written as a negative delay.
  long long start = 0;
  for (size_t i = 0; i < beats.size(); ++i) {
    const int hold = StageHoldMs(a.story.beats[i].stage);
    BOOST_TEST(HasClass(beats[i], "vertical-edge-anim-hold" + std::to_string(hold)), "beat " << i);
    const long long delay = start == 0 ? 0 : start - 24100;
    BOOST_TEST(std::string(beats[i].attribute("style").as_string()) ==
               "animation-delay:" + std::to_string(delay) + "ms");
    start += hold;
  }
  BOOST_TEST(start == 24100);
  const std::string style = doc.child("svg").child_value("style");
  BOOST_TEST(style.find("animation-duration:24100ms;animation-iteration-count:infinite") != std::string::npos);
  // A conv beat is visible for 800 of 24100 ms: 3.3195 % of the cycle,
  // rounded up so it never hides before the next beat shows.
  BOOST_TEST(style.find("@keyframes vertical-edge-anim-hold800{0%{visibility:visible}3.3196%,100%{visibility:hidden}}") !=
             std::string::npos);
  BOOST_TEST(style.find(".vertical-edge-anim-hold800{animation-name:vertical-edge-anim-hold800}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reduced_motion_and_static_viewers_see_the_summary) {
  const DefaultAnimation a;
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(a.Write().c_str()));
  const std::string style = doc.child("svg").child_value("style");
  BOOST_TEST(style.find("@media (prefers-reduced-motion: reduce){.vertical-edge-anim-beat{animation:none;"
                        "visibility:hidden}.vertical-edge-anim-beat.vertical-edge-anim-still{visibility:visible}}") !=
             std::string::npos);
  BOOST_TEST(style.find(".vertical-edge-anim-beat{visibility:hidden;") != std::string::npos);
  std::vector<size_t> still;
  const std::vector<pugi::xml_node> beats = Beats(doc);
  for (size_t i = 0; i < beats.size(); ++i) {
    if (HasClass(beats[i], "vertical-edge-anim-still")) still.push_back(i);
  }
  BOOST_REQUIRE(still.size() == 1u);
  BOOST_TEST(std::string(StageName(a.story.beats[still[0]].stage)) == "summary");
}

BOOST_AUTO_TEST_CASE(ids_are_unique_prefixed_and_every_use_resolves) {
  const DefaultAnimation a;
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(a.Write().c_str()));
  std::set<std::string> ids;
  for (const pugi::xpath_node& n : doc.select_nodes("//*[@id]")) {
    const std::string id = n.node().attribute("id").as_string();
    BOOST_TEST(id.rfind("vertical-edge-anim-", 0) == 0u, id);
    BOOST_TEST(ids.insert(id).second, "duplicate id " << id);
  }
  const pugi::xpath_node_set uses = doc.select_nodes("//use");
  BOOST_TEST(!uses.empty());
  for (const pugi::xpath_node& n : uses) {
    const std::string href = n.node().attribute("xlink:href").as_string();
    BOOST_REQUIRE(href.size() > 1u);
    BOOST_TEST(ids.count(href.substr(1)) == 1u, href);
  }
  // Shared parts are written once: far fewer definitions than beats x parts.
  const size_t parts = doc.select_nodes("/svg/defs/g").size();
  BOOST_TEST(parts < uses.size());
}

// --scale: drawn in scene units, shown at the build's scale.
BOOST_AUTO_TEST_CASE(follows_the_scale) {
  const DefaultAnimation a;
  const Scene first = a.scene_at(0);
  for (double scale : {1.0, 2.0, 0.5}) {
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(a.Write(scale).c_str()));
    const pugi::xml_node root = doc.child("svg");
    BOOST_TEST(root.attribute("width").as_double() == first.width * scale, "scale " << scale);
    BOOST_TEST(root.attribute("height").as_double() == first.height * scale, "scale " << scale);
    BOOST_TEST(std::string(root.attribute("viewBox").as_string()) ==
               "0 0 " + SvgNumber(first.width) + " " + SvgNumber(first.height));
  }
}

// The plan decides the frames and their holds; a beat may play twice, and
// the still beat is marked once.
BOOST_AUTO_TEST_CASE(plays_the_plan_it_is_given) {
  const DefaultAnimation a;
  AnimationPlan plan;
  plan.frames = {{22, 500}, {1, 100}, {22, 250}};
  plan.still_beat = 22;
  plan.description = "Three frames.";
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(WriteAnimatedSvg(plan, a.scene_at, "p-", "T", 1.0).c_str()));
  BOOST_TEST(std::string(doc.child("svg").child_value("desc")) == "Three frames.");
  std::vector<pugi::xml_node> beats;
  for (pugi::xml_node g : doc.child("svg").children("g"))
    if (HasClass(g, "p-beat")) beats.push_back(g);
  BOOST_REQUIRE(beats.size() == 3u);
  BOOST_TEST(HasClass(beats[0], "p-hold500"));
  BOOST_TEST(HasClass(beats[0], "p-still"));
  BOOST_TEST(HasClass(beats[1], "p-hold100"));
  BOOST_TEST(!HasClass(beats[2], "p-still"));
  BOOST_TEST(std::string(beats[2].attribute("style").as_string()) == "animation-delay:-250ms");
  const std::string style = doc.child("svg").child_value("style");
  BOOST_TEST(style.find("animation-duration:850ms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_writes_give_the_same_bytes) {
  const DefaultAnimation a;
  BOOST_TEST((a.Write() == a.Write()));
}

// A part is defined once however its beats come: the frame before's (equal
// items), one seen earlier (A, B, A), or other items the writer writes the
// same (x 1.0001 and 1.0002 are both "1").
BOOST_AUTO_TEST_CASE(parts_written_alike_share_one_definition) {
  const auto text = [](double x, const std::string& s) {
    Scene scene;
    scene.width = scene.height = 10;
    scene.items.push_back(GroupBegin{"label", "", ""});
    TextShape label;
    label.x = x, label.y = 5, label.text = s;
    scene.items.push_back(label);
    scene.items.push_back(GroupEnd{});
    return scene;
  };
  const std::vector<Scene> scenes = {text(1, "A"), text(1, "A"), text(1, "B"), text(1, "A"), text(1.0001, "C"),
                                     text(1.0002, "C")};
  AnimationPlan plan;
  for (int i = 0; i < static_cast<int>(scenes.size()); ++i) plan.frames.push_back({i, 100});
  const BeatSceneFn scene_at = [&scenes](int i) { return scenes[static_cast<std::size_t>(i)]; };
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(WriteAnimatedSvg(plan, scene_at, "p-", "T", 1.0).c_str()));
  std::vector<std::string> uses;
  for (pugi::xml_node g : doc.child("svg").children("g"))
    if (HasClass(g, "p-beat")) uses.push_back(g.child("use").attribute("xlink:href").as_string());
  BOOST_TEST((uses == std::vector<std::string>{"#p-d1", "#p-d1", "#p-d2", "#p-d1", "#p-d3", "#p-d3"}));
  BOOST_TEST(std::distance(doc.child("svg").child("defs").children("g").begin(),
                           doc.child("svg").child("defs").children("g").end()) == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
