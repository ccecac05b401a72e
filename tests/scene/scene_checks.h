// Checks every scene must pass, shared by the scene tests: everything inside
// the frame, no two text boxes overlapping, groups balanced. Text boxes are
// measured the way the layout measures them (scene/text_metrics.h).
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "scene/scene.h"
#include "scene/text_metrics.h"

namespace cl::testing {

struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
  std::string what;
};

inline Box TextBox(const TextShape& t) {
  const double w = TextWidth(t.text, t.size, t.bold);
  const double left = t.anchor == TextAnchor::Start ? t.x : t.anchor == TextAnchor::Middle ? t.x - w / 2 : t.x - w;
  return {left, t.y - kFontAscent * t.size, left + w, t.y + kFontDescent * t.size, "text '" + t.text + "'"};
}

inline std::vector<Box> ItemBoxes(const Scene& s) {
  std::vector<Box> boxes;
  for (const SceneItem& item : s.items) {
    if (const auto* r = std::get_if<RectShape>(&item)) {
      const double half = r->has_stroke ? r->stroke_width / 2 : 0;
      boxes.push_back({r->x - half, r->y - half, r->x + r->w + half, r->y + r->h + half, "rect"});
    } else if (const auto* l = std::get_if<LineShape>(&item)) {
      boxes.push_back({std::min(l->x1, l->x2), std::min(l->y1, l->y2), std::max(l->x1, l->x2), std::max(l->y1, l->y2),
                       "line"});
    } else if (const auto* t = std::get_if<TextShape>(&item)) {
      boxes.push_back(TextBox(*t));
    } else if (const auto* c = std::get_if<CellsShape>(&item)) {
      boxes.push_back({c->x, c->y, c->x + c->cell_w * c->cols, c->y + c->cell_h * c->rows, "cells"});
    }
  }
  return boxes;
}

// Empty when every item lies inside the frame; else a description of the first that does not.
inline std::string FirstOutside(const Scene& s) {
  constexpr double kSlack = 1e-6;
  for (const Box& b : ItemBoxes(s)) {
    if (b.left < -kSlack || b.top < -kSlack || b.right > s.width + kSlack || b.bottom > s.height + kSlack) {
      std::ostringstream os;
      os << b.what << " at [" << b.left << ", " << b.top << ", " << b.right << ", " << b.bottom << "] outside "
         << s.width << "x" << s.height;
      return os.str();
    }
  }
  return "";
}

// Empty when no two text boxes overlap; else the first pair that does.
inline std::string FirstTextOverlap(const Scene& s) {
  std::vector<Box> texts;
  for (const SceneItem& item : s.items)
    if (const auto* t = std::get_if<TextShape>(&item)) texts.push_back(TextBox(*t));
  std::sort(texts.begin(), texts.end(), [](const Box& a, const Box& b) { return a.left < b.left; });
  constexpr double kTouch = 0.01;  // boxes may touch
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = i + 1; j < texts.size() && texts[j].left < texts[i].right - kTouch; ++j) {
      const Box& a = texts[i];
      const Box& b = texts[j];
      if (a.top < b.bottom - kTouch && b.top < a.bottom - kTouch) return a.what + " overlaps " + b.what;
    }
  }
  return "";
}

inline bool GroupsBalanced(const Scene& s) {
  int depth = 0;
  for (const SceneItem& item : s.items) {
    if (std::holds_alternative<GroupBegin>(item)) ++depth;
    if (std::holds_alternative<GroupEnd>(item) && --depth < 0) return false;
  }
  return depth == 0;
}

// Calls visit(item) for every item inside the group with id `id` (nested
// groups included, their GroupBegin/GroupEnd markers not), in order, until
// visit returns false.
template <typename Visit>
void VisitGroupItems(const Scene& s, const std::string& id, Visit visit) {
  int depth = 0;
  for (const SceneItem& item : s.items) {
    if (const auto* g = std::get_if<GroupBegin>(&item)) {
      if (depth > 0 || g->id == id) ++depth;
    } else if (std::holds_alternative<GroupEnd>(item)) {
      if (depth > 0) --depth;
    } else if (depth > 0 && !visit(item)) {
      return;
    }
  }
}

// The texts inside the group with id `id` (nested groups included).
inline std::vector<std::string> TextsInGroup(const Scene& s, const std::string& id) {
  std::vector<std::string> out;
  VisitGroupItems(s, id, [&](const SceneItem& item) {
    if (const auto* t = std::get_if<TextShape>(&item)) out.push_back(t->text);
    return true;
  });
  return out;
}

}  // namespace cl::testing
