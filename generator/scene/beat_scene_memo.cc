#include "scene/beat_scene_memo.h"

#include <algorithm>
#include <string>
#include <variant>

namespace cl {
namespace {

// Heap bytes of a string (none while its text fits in the string itself).
std::size_t HeapBytes(const std::string& text) {
  return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
}

}  // namespace

Scene BeatSceneMemo::Get(std::size_t variant, int beat, const std::function<Scene()>& lay_out) {
  const std::pair<std::size_t, int> key{variant, beat};
  std::shared_ptr<const Scene> held;
  std::size_t room = 0;
  {
    const std::lock_guard lock(lock_);
    if (auto it = held_.find(key); it != held_.end()) held = it->second;
    room = budget_bytes_ - std::min(held_bytes_, budget_bytes_);
  }
  if (held) return *held;  // copied outside the lock
  Scene scene = lay_out();
  // A scene that could not fit whatever its texts hold is not copied: once
  // the budget is spent (a large lesson's later beats), each copy was made
  // only to be dropped.
  if (sizeof(Scene) + scene.items.size() * sizeof(SceneItem) > room) return scene;
  // Weighed as held: a copy's vectors have no room to spare.
  auto copy = std::make_shared<const Scene>(scene);
  const std::size_t bytes = SceneBytes(*copy);
  const std::lock_guard lock(lock_);
  // (Another thread may have laid it out meanwhile: the same scene.)
  if (held_bytes_ + bytes <= budget_bytes_ && !held_.contains(key)) {
    held_.emplace(key, std::move(copy));
    held_bytes_ += bytes;
  }
  return scene;
}

void BeatSceneMemo::Forget(std::size_t variant) {
  const std::lock_guard lock(lock_);
  for (auto it = held_.lower_bound({variant, 0}); it != held_.end() && it->first.first == variant;) {
    held_bytes_ -= SceneBytes(*it->second);
    it = held_.erase(it);
  }
}

void BeatSceneMemo::Clear() {
  const std::lock_guard lock(lock_);
  held_.clear();
  held_bytes_ = 0;
}

std::size_t BeatSceneMemo::held_bytes() {
  const std::lock_guard lock(lock_);
  return held_bytes_;
}

std::size_t BeatSceneMemo::SceneBytes(const Scene& scene) {
  std::size_t bytes = sizeof(Scene) + HeapBytes(scene.title) + HeapBytes(scene.desc) +
                      scene.items.capacity() * sizeof(SceneItem);
  for (const SceneItem& item : scene.items) {
    if (const auto* text = std::get_if<TextShape>(&item)) {
      bytes += HeapBytes(text->text);
    } else if (const auto* group = std::get_if<GroupBegin>(&item)) {
      bytes += HeapBytes(group->id) + HeapBytes(group->role) + HeapBytes(group->label);
    } else if (const auto* cells = std::get_if<CellsShape>(&item)) {
      bytes += cells->fills.OwnBytes();
    }
  }
  return bytes;
}

}  // namespace cl
