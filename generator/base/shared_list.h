// SharedList: a read-only list shared by its copies, for the large data a
// lesson holds once and reads from many places (an image's channels, every
// filter's maps): copying a variant or a result copies a pointer, not
// megabytes of numbers.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

namespace cl {

template <typename T>
class SharedList {
 public:
  SharedList() = default;
  SharedList(std::vector<T> items)  // NOLINT(google-explicit-constructor): a list reads as one
      : items_(std::make_shared<const std::vector<T>>(std::move(items))) {}
  SharedList(std::initializer_list<T> items) : SharedList(std::vector<T>(items)) {}

  const std::vector<T>& items() const {
    static const std::vector<T> kNone;
    return items_ ? *items_ : kNone;
  }
  std::size_t size() const { return items().size(); }
  bool empty() const { return items().empty(); }
  const T& operator[](std::size_t i) const { return (*items_)[i]; }
  const T& at(std::size_t i) const { return items().at(i); }
  const T& front() const { return items().front(); }
  typename std::vector<T>::const_iterator begin() const { return items().begin(); }
  typename std::vector<T>::const_iterator end() const { return items().end(); }
  friend bool operator==(const SharedList& a, const SharedList& b) { return a.items() == b.items(); }

 private:
  std::shared_ptr<const std::vector<T>> items_;
};

}  // namespace cl
