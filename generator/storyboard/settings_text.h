// Settings in words (in the language of `m`): the one writer of how a lesson's conv and pool settings
// read to people ("same padding of 1 on every side, stride 2"). Captions and
// descriptions (captions.cc), `convlesson compute`'s walkthrough
// (cli/compute_text.cc) and the storyboard dump all use these, so a setting is
// never phrased two ways.
#pragma once

#include <string>

#include "model/model.h"
#include "messages/messages.h"

namespace cl {

// Sizes in pool settings: "2×2" for people, "2x2" where the text must stay
// plain ASCII (the terminal walkthrough).
enum class SizeGlyph { Times, AsciiX };

// "no padding"; "same padding of 1 on every side"; "zero padding of 2 on every
// side"; "zero padding of 2 top and bottom and 1 left and right"; asymmetric
// sides in parentheses: "same padding (top 0, bottom 1, left 0, right 1)".
// "same" is said whenever the lesson asked for it: "same padding (none needed)"
// when it adds nothing (a 1×1 filter). Transposed: CropWords.
std::string PaddingWords(const ConvSpec& c, const Messages& m = EnglishMessages());

// Transposed: what the padding crops off the output ("padding 1 cropped off
// every side"), and the output padding ("" when none).
std::string CropWords(const ConvSpec& c, const Messages& m = EnglishMessages());
std::string OutputPaddingWords(const ConvSpec& c, const Messages& m = EnglishMessages());

// "stride 2"; "stride 2 down and 1 across".
std::string StrideWords(int down, int across, const Messages& m = EnglishMessages());

// "" without dilation; "dilation 2"; "dilation 2 down and 1 across".
std::string DilationWords(const ConvSpec& c, const Messages& m = EnglishMessages());

// Padding, stride and dilation joined: "no padding, stride 1",
// "same padding of 1 on every side, stride 2, dilation 2"; transposed:
// "transposed, stride 2, padding 1 cropped off every side, output padding 1".
std::string ConvSettingsWords(const ConvSpec& c, const Messages& m = EnglishMessages());

// "2×2 max pooling with stride 2"; with remainder: pad,
// "3×3 average pooling with stride 2, keeping the partial windows at the edge".
std::string PoolSettingsWords(const PoolSpec& p, const Messages& m = EnglishMessages(),
                              SizeGlyph glyph = SizeGlyph::Times);

}  // namespace cl
