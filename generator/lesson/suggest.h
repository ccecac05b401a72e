// Suggestions for misspelt names ("did you mean 'filter'?"): the closest
// candidate by edit distance, counting a swap of two neighbouring letters as
// one edit, compared without regard to case.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cl {

// The candidate nearest to `word`, or "" when none is close enough to be a
// plausible typo (at most a third of the word's letters, and never more than 3, may differ).
std::string NearestName(std::string_view word, std::span<const std::string_view> candidates);

// "; did you mean 'x'?" when NearestName finds one, else "".
std::string DidYouMean(std::string_view word, std::span<const std::string_view> candidates);

// The candidates as "'a', 'b' or 'c'", for messages that list the choices.
std::string ListNames(std::span<const std::string_view> candidates);

}  // namespace cl
