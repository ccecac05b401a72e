// CellFillsMemo: the colours of a large grid's cells, made once for a
// lesson and shared by every layout of every beat that draws that grid.
// A 512x512 photograph's four grids were a fifth of its lesson's
// instructions, recoloured cell by cell in each of the five layouts a whole
// build makes of a beat (its frames in two shapes, the animation, the
// slides, ...), although a beat changes at most how many of a map's cells
// are shown.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "scene/grid_items.h"
#include "scene/scene.h"

namespace cl {

class CellFillsMemo {
 public:
  // What the colours are of: the values of `values` (an object that lives
  // as long as the memo: a variant's image or one of its maps), drawn in
  // `colors` in a grid of rows x cols cells, starting pad_top rows and
  // pad_left columns in (the cells around them are padding).
  struct Key {
    const void* values = nullptr;
    CellColors colors;
    int pad_top = 0, pad_left = 0, rows = 0, cols = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };

  // The colours for `key`, made by `make` when the memo does not hold them.
  // Held under the memo's lock: a second thread asking for the same grid
  // waits for them rather than making them too.
  std::shared_ptr<const std::vector<Color>> Get(const Key& key, const std::function<std::vector<Color>()>& make);

  // How many grids' colours it holds.
  std::size_t Held();
  // Lets every grid's colours go (a course build keeps each lesson until
  // its index and course PDF are made, which draw no beat).
  void Clear();

 private:
  // An image and three maps for each of two variants drawn at once (or
  // two filters of one): at most 8 x 3 bytes a cell, 6 MB for a 512x512
  // image. A memo per variant, kept as long as its lesson, raised the peak
  // of a 512x512 photograph's eight variants at --scale 4 from 134 to
  // 146 MB.
  static constexpr std::size_t kEntries = 8;
  std::mutex lock_;
  std::vector<std::pair<Key, std::shared_ptr<const std::vector<Color>>>> entries_;  // least recently used first
};

}  // namespace cl
