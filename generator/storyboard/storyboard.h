// Storyboard: a computed variant as the ordered list of beats of the contract
// (intro, conv..., activation, pool..., summary). Each beat says what a frame
// shows and carries its caption; nothing here knows about pixels.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "compute/compute.h"
#include "lesson/model.h"

namespace cl {

enum class Stage { Intro, Conv, Activation, Pool, Summary };

// "intro", "conv", "activation", "pool", "summary" (the JSON `stage` value).
const char* StageName(Stage s);

struct Beat {
  Stage stage = Stage::Intro;
  // Conv and pool beats: the output cells this beat writes, as row-major
  // indices [first_cell, last_cell] into the conv map (conv) or pooled map
  // (pool). One cell with `per: cell`; a row or several rows otherwise.
  int first_cell = 0;
  int last_cell = -1;
  // What the frame shows as filled after this beat.
  int conv_filled = 0;      // conv cells written so far, row-major
  bool activated = false;   // the activation has been applied (from its beat on)
  int pool_filled = 0;      // pooled cells written so far, row-major
  std::string caption;      // one line; numbers from the computation; U+2212 minus, U+00B7 dot
  std::string description;  // a few sentences for <desc>, alt text and the step-by-step section
};

struct Storyboard {
  std::string label;  // the variant's label
  std::vector<Beat> beats;
  std::vector<Diagnostic> warnings;  // e.g. beats thinned to respect `max`
};

// Plans every beat of one variant under `spec`. Pure.
Storyboard PlanStoryboard(const Variant& v, const VariantResult& r, const BeatsSpec& spec);

}  // namespace cl
