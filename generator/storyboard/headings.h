// Headings (in the language of `m`): how beats are named and counted, in one place, so the frames, the
// page, the handout and the file names agree on what "step N" means.
//
// - A *step* is a beat of the variant, counted over all its beats: "Step 9 of
//   23". The page's player, its step list, the handout's figures and the
//   frame files (frames/<slug>/009-conv.svg) count steps.
// - A *position* is a conv or pool beat counted within its stage: the frame's
//   heading says "Convolution · position 8 of 16" (one output cell per beat),
//   or "Convolution · part 2 of 4" when a beat writes whole rows.
//
// A frame's heading is "<variant label> · <stage heading>"; the stage heading
// never repeats a word of the label ("Leaky ReLU · Activation", not "Leaky
// ReLU · Leaky ReLU").
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"
#include "messages/messages.h"
#include "storyboard/storyboard.h"

namespace cl {

// The stage's name for this variant: "The image and the filter",
// "Convolution", "Leaky ReLU", "Max pooling", "Summary".
std::string StageTitle(Stage stage, const Variant& v, const Messages& m = EnglishMessages());

// "Step 9 of 23": step `number` (1-based) of `total`.
std::string StepText(int number, int total, const Messages& m = EnglishMessages());

// The stage part of a frame's heading for a beat that is `k` (1-based) of the
// `n` beats of its stage; `per_cell`: conv and pool beats write one cell each.
// Picks the first of the stage's names whose words (other than small words
// such as "the" or "of" and numbers) the label does not already hold:
// "Convolution · position 8 of 16", else "position 8 of 16"; "Leaky ReLU",
// else "Activation", else "Nonlinearity"; "Max pooling · …", else
// "Pooling · …", else "position …"; "The image and the filter", else
// "Introduction", else "Start"; "Summary", else "Result".
std::string StageHeading(Stage stage, const Variant& v, int k, int n, bool per_cell,
                         const Messages& m = EnglishMessages());

// With several filters, a stage heading for map `map` (0-based) of `maps`:
// "Map 2 of 3 · Convolution · position 8 of 16".
std::string MapHeading(int map, int maps, std::string_view stage_heading, const Messages& m = EnglishMessages());

// "Vertical edge · Convolution · position 8 of 16": the frame's full heading
// (also its SVG <title>).
std::string FrameTitle(std::string_view label, std::string_view stage_heading);

// True when some word of `heading` (ignoring case, small words and numbers)
// is also a word of `label`.
bool RepeatsAWord(std::string_view label, std::string_view heading, const Messages& m = EnglishMessages());

}  // namespace cl
