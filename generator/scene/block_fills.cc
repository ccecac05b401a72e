#include <algorithm>
#include <utility>

#include "scene/scene.h"

namespace cl {

BlockFills::BlockFills(std::vector<Color> own) : own_(std::move(own)), given_(own_.size()), count_(own_.size()) {}

BlockFills::BlockFills(std::shared_ptr<const std::vector<Color>> shared, std::size_t shown, std::size_t count, Color rest)
    : shared_(std::move(shared)), count_(count), rest_(rest) {
  given_ = shared_ ? std::min({shown, count, shared_->size()}) : 0;
}

const Color* BlockFills::Span(std::size_t first, std::size_t n, std::vector<Color>* scratch) const {
  if (first + n <= given_) return Given() + first;
  scratch->resize(n);
  for (std::size_t i = 0; i < n; ++i) (*scratch)[i] = (*this)[first + i];
  return scratch->data();
}

bool operator==(const BlockFills& a, const BlockFills& b) {
  if (a.count_ != b.count_) return false;
  // Cells both take from the same colours need no look, nor those past
  // both's given cells: each one's `rest` there.
  std::size_t k = a.Given() == b.Given() ? std::min(a.given_, b.given_) : 0;
  const std::size_t given = std::max(a.given_, b.given_);
  for (; k < given; ++k)
    if (!(a[k] == b[k])) return false;
  return given == a.count_ || a.rest_ == b.rest_;
}

}  // namespace cl
