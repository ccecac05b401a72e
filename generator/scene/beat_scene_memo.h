// BeatSceneMemo: the scene of each beat of a lesson, laid out once for a
// build and copied for every output that draws it. A beat's wide scene was
// laid out three or four times (the animated SVG, the GIF palette's colours
// and samples, its frames): 3 % of the course's instructions. A copy costs
// a tenth of a layout.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "scene/scene.h"

namespace cl {

class BeatSceneMemo {
 public:
  // What the memo holds at most: a scene it cannot hold is laid out at each
  // use, as before. The default lesson's 46 wide scenes are 1.9 MB; the
  // course's largest lesson lays out 2,600 items a beat (about 350 KB).
  // With 8 MB a course build at -j 2 (two lessons at once) peaked 13 MB
  // higher than without the memo.
  static constexpr std::size_t kDefaultBudgetBytes = std::size_t{4} << 20;

  explicit BeatSceneMemo(std::size_t budget_bytes = kDefaultBudgetBytes) : budget_bytes_(budget_bytes) {}
  BeatSceneMemo(const BeatSceneMemo&) = delete;
  BeatSceneMemo& operator=(const BeatSceneMemo&) = delete;

  // Beat `beat` of the lesson's variant number `variant`: a copy of the
  // scene held, else what `lay_out` makes, held while the budget has room.
  // Scenes are the same whichever thread lays them out first, so the memo
  // never changes an output.
  Scene Get(std::size_t variant, int beat, const std::function<Scene()>& lay_out);

  // Lets a variant's scenes go (its frames are written: its other outputs
  // that draw beats are made before them).
  void Forget(std::size_t variant);
  // Lets every scene go.
  void Clear();

  std::size_t held_bytes();
  // About what `scene` holds in memory: its items and the text they own.
  static std::size_t SceneBytes(const Scene& scene);

 private:
  const std::size_t budget_bytes_;
  std::mutex lock_;
  std::map<std::pair<std::size_t, int>, std::shared_ptr<const Scene>> held_;
  std::size_t held_bytes_ = 0;
};

}  // namespace cl
