// Captions and descriptions of beats, written from the computed numbers. A
// caption is one line for the frame; a description is a few sentences for
// <desc>, alt text and the step-by-step section. People-facing text uses the
// real minus sign (U+2212), the multiplication dot (U+00B7), the times sign
// for sizes (U+00D7) and an ellipsis (U+2026) where a list is shortened.
// Positions are (row, column), 0-based, as in the lesson format.
#pragma once

#include <string>
#include <string_view>

#include "compute/compute.h"
#include "messages/messages.h"
#include "model/model.h"

namespace cl {

struct BeatText {
  std::string caption;
  std::string description;
  // The caption with every term, where `caption` shortens a long sum or
  // window with "…" to fit a frame; empty where it lists them all.
  std::string full_caption;
};

// "6×6"
std::string SizeText(int rows, int cols);

// A computed value in a sentence read aloud or as alt text: exact while
// short, else rounded as a caption rounds it, "about 1.201" (a mean of
// thirds read 1.2008333333333332).
std::string SpokenNumber(const Messages& m, double v);

// "row 4" or "rows 2 to 3", "column 4" or "columns 2 to 3": a span of a grid.
std::string RowsText(const Messages& m, int first, int last);
std::string ColumnsText(const Messages& m, int first, int last);

// A count with its noun: "1 lesson", "3 lessons", "0 lessons" (English, for
// the command line; generated text uses plural messages instead).
std::string CountText(long long n, std::string_view one, std::string_view many);

// The activation's display name: "ReLU", "Leaky ReLU", "No activation".
std::string ActivationName(const ActivationSpec& a, const Messages& m = EnglishMessages());
// The same inside a sentence of settings ("stride 1; no activation; …"):
// "No activation" is a name only where it stands alone.
std::string ActivationInSentence(const ActivationSpec& a, const Messages& m);

// One product of a conv cell as a frame's products panel writes it, the way
// the caption writes its terms but at a cell's precision (FormatNumberCell):
// "66·(−2)". `first` is the pixel with the dot ("66·"), `second` the weight,
// so a narrow frame can set them on two lines.
struct ProductText {
  std::string first, second;
  std::string whole() const { return first + second; }
};
ProductText CellProductText(double input, double weight);

// Channel c's name (0-based): the lesson's (`channels:`, R/G/B for rgb), else "Channel 1", ...
std::string ChannelName(const Variant& v, int c, const Messages& m = EnglishMessages());
// Every channel's name, listed: "R, G and B".
std::string ChannelNames(const Variant& v, const Messages& m = EnglishMessages());
// A filter's weights in words: the one grid, or with channels each slice
// followed by its channel's name.
std::string FilterWeightsText(const Variant& v, const Filter& f, const Messages& m = EnglishMessages());
// A table's title with channels: "Image 12×12, channel R" and
// "Filter …, slice R" (0-based c); the title itself for one channel.
std::string ChannelTitle(const Variant& v, int c, const std::string& title, const Messages& m = EnglishMessages());
std::string SliceTitle(const Variant& v, int c, const std::string& title, const Messages& m = EnglishMessages());
// The filter panel's label with channels: "…, slice R" (the front slice).
std::string FilterPanelLabel(const Variant& v, const std::string& label, const Messages& m = EnglishMessages());
// The sum of a conv cell over channels as a frame writes it: each
// channel's partial sum, the bias, the cell's value:
// "−1 (R) + 3 (G) + bias 0.5 = 2.5".
std::string ChannelSumText(const Variant& v, const ConvTrace& t, const Messages& m = EnglishMessages());

// Every text below is in the language of `m` (messages/messages.h).
BeatText IntroText(const Variant& v, const VariantResult& r, const Messages& m = EnglishMessages());
// One conv cell: "Position (0, 0): 0·1 + 0·0 + 9·(−1) + … = −18".
BeatText ConvCellText(const Variant& v, const ConvTrace& t, const Messages& m = EnglishMessages());
// Its caption alone (the Explore section's, for every cell: the description
// is not worked out).
std::string ConvCellCaption(const Variant& v, const ConvTrace& t, const Messages& m);
// Whole output rows [first_row, last_row] of the feature map.
BeatText ConvRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row,
                      const Messages& m = EnglishMessages());
// Transposed: one input cell scattering its scaled copy ("Input (0, 1) = 3
// adds 3·filter to output rows 0 to 2, columns 2 to 4; 1 cell now sums
// several inputs"; with channels "Input (0, 1) = R 3, G 1 and B 2 adds
// 3·slice R + 1·slice G + 2·slice B to …"), and whole input rows [first_row, last_row].
BeatText ScatterCellText(const Variant& v, const ScatterTrace& t, const Messages& m = EnglishMessages());
BeatText ScatterRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row,
                         const Messages& m = EnglishMessages());
BeatText ActivationText(const Variant& v, const VariantResult& r, const Messages& m = EnglishMessages());
// One pooled cell: "Max of 0, 0, 0, 0 = 0 at (0, 0)".
BeatText PoolCellText(const Variant& v, const VariantResult& r, const PoolTrace& t, const Messages& m = EnglishMessages());
BeatText PoolRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row,
                      const Messages& m = EnglishMessages());
BeatText SummaryText(const Variant& v, const VariantResult& r, const Messages& m = EnglishMessages());

// Several filters (or a bias): the intro and summary name every filter and
// map; the maps' own beats use the texts above on the focused variant.
BeatText StackIntroText(const Variant& v, const VariantResult& r, const Messages& m = EnglishMessages());
BeatText StackSummaryText(const Variant& v, const VariantResult& r, const Messages& m = EnglishMessages());
// "Filter 2 of 3: Horizontal edge, bias 0.5" (1-based): the filter panel's
// label when several filters stack.
std::string StackedFilterLabel(const Variant& v, int map, const Messages& m = EnglishMessages());
// The beat budget's warning when `walked` maps share `max` (a diagnostic:
// English, like every command-line message).
std::string StackBudgetWarning(int walked, const std::string& warning);
// The label of the products panel: "Products pixel·weight", and with a
// bias "Products pixel·weight, then + bias 0.5".
std::string ProductsLabel(double bias, const Messages& m = EnglishMessages());
// Transposed with channels: channel c's copy, its value at the input cell
// times its slice ("90·slice R").
std::string ScatterChannelTerm(const Variant& v, int c, double input, const Messages& m = EnglishMessages());
// Transposed: "Scaled copy pixel·weight" (with a bias: where the output starts).
std::string ScaledCopyLabel(double bias, const Messages& m = EnglishMessages());

}  // namespace cl
