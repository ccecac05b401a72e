#include "scene/cell_fills_memo.h"

#include <algorithm>

namespace cl {

std::shared_ptr<const std::vector<Color>> CellFillsMemo::Get(const Key& key,
                                                             const std::function<std::vector<Color>()>& make) {
  const std::lock_guard<std::mutex> hold(lock_);
  const auto found = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.first == key; });
  if (found != entries_.end()) {  // now the last used: the image a variant's every beat draws stays
    std::rotate(found, found + 1, entries_.end());
    return entries_.back().second;
  }
  if (entries_.size() == kEntries) entries_.erase(entries_.begin());
  return entries_.emplace_back(key, std::make_shared<const std::vector<Color>>(make())).second;
}

std::size_t CellFillsMemo::Held() {
  const std::lock_guard<std::mutex> hold(lock_);
  return entries_.size();
}

void CellFillsMemo::Clear() {
  const std::lock_guard<std::mutex> hold(lock_);
  entries_.clear();
}

}  // namespace cl
