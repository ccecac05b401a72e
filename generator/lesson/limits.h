// Limits: every bound the loader enforces, in one place so the code, the
// messages and docs/lesson-format.md agree. Some come from the contract
// (image and filter sides, title length, beats), the rest are ours: they keep
// a hostile or mistyped lesson from costing unbounded time or memory.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cl::limits {

// The file and its YAML structure.
inline constexpr std::size_t kMaxLessonBytes = 1u << 20;  // 1 MiB, checked before parsing
inline constexpr int kMaxNesting = 64;                     // mappings and lists inside each other
inline constexpr std::int64_t kMaxAliasValues = 300000;    // values that aliases may repeat in all
inline constexpr std::int64_t kMaxAliasBytes = 1 << 20;    // bytes of text that aliases may repeat in all

// Text.
inline constexpr int kMaxTitleChars = 200;
inline constexpr int kMaxSummaryChars = 300;
inline constexpr int kMaxLabelChars = 80;  // variant labels and filter names
inline constexpr int kMaxIdChars = 64;

// Numbers: every pixel and weight lies within +-kMaxMagnitude so that any sum
// of products over a 512x512 image and a 15x15 filter stays finite.
inline constexpr double kMaxMagnitude = 1e9;

// Images.
inline constexpr int kMaxImageSide = 512;                       // pixels per side of a lesson image
inline constexpr int kMaxImageFileSide = 4096;                  // a PNG before resampling
inline constexpr std::uintmax_t kMaxImageFileBytes = 16u << 20;  // 16 MiB

inline constexpr int kMaxChannels = 8;                         // `pixels` as [c][h][w]; `mode: rgb` gives 3

// Filters, conv and pool.
inline constexpr int kMaxFilterSide = 15;
inline constexpr int kMaxFilters = 8;  // `filters:`: output maps a frame stacks
inline constexpr int kMaxPadding = 64;
inline constexpr int kMaxStride = 64;
inline constexpr int kMaxDilation = 64;
// A transposed convolution's output per side: its frames redraw every
// running sum of the output on every beat.
inline constexpr int kMaxTransposedOutputSide = 128;
inline constexpr int kMaxPoolSize = 512;
inline constexpr int kMaxPoolStride = 512;

// Lesson structure.
inline constexpr int kMaxVariants = 32;  // base included
inline constexpr int kMaxSections = 64;
inline constexpr int kMinBeats = 1;
inline constexpr int kMaxBeats = 2000;
inline constexpr int kDefaultBeats = 400;
// Numbers every variant's computation holds together (CountVariantNumbers:
// images and maps). A build holds each about 15 bytes' worth over (the
// numbers, then scenes and handouts drawn from them; docs/performance.md), so without a
// bound 32 variants of 8 filters on a 512x512 photograph asked for gigabytes.
// At this bound the largest lessons peak near 230 MB: four one-filter
// variants of a 512x512 colour photograph, or one variant of eight filters.
inline constexpr long long kMaxLessonNumbers = 6000000;

// Diagnostics reported for one lesson before the loader stops listing them.
inline constexpr std::size_t kMaxDiagnostics = 50;

}  // namespace cl::limits

// The course file (lessons/course.yaml): the same file, structure and text
// bounds as a lesson file, and these.
namespace cl::limits {
inline constexpr int kMaxCourseIntroChars = 20000;  // Markdown, several paragraphs
inline constexpr int kMaxCoursePersonChars = 200;    // author and licence
inline constexpr int kMaxLanguageTagChars = 64;      // BCP 47 tags in use are far shorter
inline constexpr int kMaxCourseOrderIds = 1000;
}  // namespace cl::limits
