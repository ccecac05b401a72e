// Storyboard: a computed variant as the ordered list of beats of the contract
// (intro, conv..., activation, pool..., summary). Each beat says what a frame
// shows and carries its caption; nothing here knows about pixels.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "compute/compute.h"
#include "model/model.h"
#include "messages/messages.h"
#include "storyboard/animation_plan.h"

namespace cl {

enum class Stage { Intro, Conv, Activation, Pool, Summary };

// "intro", "conv", "activation", "pool", "summary" (the JSON `stage` value).
const char* StageName(Stage s);

struct Beat {
  Stage stage = Stage::Intro;
  // With several filters, the filter (0-based) whose map this beat works on
  // and the frame draws in front; 0 otherwise, and for intro and summary.
  int map = 0;
  // Conv and pool beats: the output cells this beat writes, as row-major
  // indices [first_cell, last_cell] into the conv map (conv) or pooled map
  // (pool). One cell with `per: cell`; a row or several rows otherwise.
  // A transposed convolution's conv beats name input cells instead: the
  // image cells whose scaled copies this beat adds into the output.
  int first_cell = 0;
  int last_cell = -1;
  // What the frame shows as filled after this beat.
  int conv_filled = 0;      // conv cells written so far, row-major (transposed: input cells scattered)
  bool activated = false;   // the activation has been applied (from its beat on)
  int pool_filled = 0;      // pooled cells written so far, row-major
  // Names and counts (storyboard/headings.h says how steps and positions are counted).
  std::string step;         // "Step 9 of 23": the beat among all the variant's beats
  std::string stage_title;  // "Convolution", "Leaky ReLU", "Max pooling", ...
  std::string heading;      // the frame's stage heading: "Convolution · position 8 of 16"
  std::string title;        // the frame's whole heading and SVG <title>: "<label> · <heading>"
  std::string caption;      // one line; numbers from the computation; U+2212 minus, U+00B7 dot
  std::string full_caption; // the caption with every term where `caption` shortens it ("…"); else empty
  std::string description;  // a few sentences for <desc>, alt text and the step-by-step section
};

struct Storyboard {
  std::string label;  // the variant's label
  std::vector<Beat> beats;
  std::vector<Diagnostic> warnings;  // e.g. beats thinned to respect `max`
  // The variant's settings in words (storyboard/settings_text.h).
  std::string conv_settings;  // "same padding of 1 on every side, stride 2"
  std::string pool_settings;  // "2×2 max pooling with stride 2"; "" without pooling
  AnimationPlan animation;    // what the GIF and the animated SVG play
  // With several filters: the one map the beats walk (0-based), or -1 when
  // they walk every map in turn (beats: map); the other maps are then shown
  // complete from the first beat on.
  int walked_map = -1;
  // The language every word above is in; frames and pages built from this
  // storyboard write their own words in it too. Never null.
  const Messages* text = &EnglishMessages();
};

// The grid a variant's conv beats walk: the conv map, or for a transposed
// convolution the image (each beat scatters input cells); its cell count is
// Beat::conv_filled once the convolution is complete.
int ConvBeatRows(const Variant& v, const VariantResult& r);
int ConvBeatCols(const Variant& v, const VariantResult& r);
int ConvBeatCells(const Variant& v, const VariantResult& r);

// Plans every beat of one variant under `spec`, its words in the language of
// `m`. Pure.
Storyboard PlanStoryboard(const Variant& v, const VariantResult& r, const BeatsSpec& spec,
                          const Messages& m = EnglishMessages());

// How many beats PlanStoryboard makes, from the variant's sides alone:
// nothing is computed, so a build can check its frame budget before it
// computes any lesson. Precondition: `v` is valid (from the loader).
int CountStoryboardBeats(const Variant& v, const BeatsSpec& spec);

}  // namespace cl
