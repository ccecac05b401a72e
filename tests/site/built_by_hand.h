// A BuiltLesson assembled in the test from compute and storyboard alone, with
// frame paths spelled out here, so page tests pin what the page does with a
// built lesson whatever the frame writers decide about geometry.
#pragma once

#include <cstdio>
#include <string>

#include "compute/compute.h"
#include "site/built_lesson.h"
#include "storyboard/storyboard.h"

namespace cl::testing {

inline BuiltLesson BuildByHand(const Lesson& lesson, const std::vector<std::string>& slugs) {
  BuiltLesson built;
  built.lesson = &lesson;
  for (std::size_t i = 0; i < lesson.variants.size(); ++i) {
    BuiltVariant bv;
    bv.variant = &lesson.variants[i];
    bv.slug = slugs.at(i);
    bv.result = ComputeVariant(*bv.variant);
    bv.story = PlanStoryboard(*bv.variant, bv.result, lesson.beats);
    bv.geometry.width = 640;
    bv.geometry.height = 400.4;
    bv.tall_geometry.width = 390;
    bv.tall_geometry.height = 900.6;
    for (std::size_t b = 0; b < bv.story.beats.size(); ++b) {
      char name[64];
      std::snprintf(name, sizeof name, "%03zu-%s", b + 1, StageName(bv.story.beats[b].stage));
      bv.frame_svg.push_back("frames/" + bv.slug + "/" + name + ".svg");
      bv.frame_png.push_back("frames/" + bv.slug + "/" + name + ".png");
      bv.frame_svg_tall.push_back("frames/" + bv.slug + "/tall/" + name + ".svg");
      bv.frame_png_tall.push_back("frames/" + bv.slug + "/tall/" + name + ".png");
    }
    bv.animation_gif = bv.slug + ".gif";
    bv.animation_svg = bv.slug + ".svg";
    built.variants.push_back(std::move(bv));
  }
  return built;
}

}  // namespace cl::testing
