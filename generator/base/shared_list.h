// SharedList and SharedValue: a read-only list or value shared by its
// copies, for the large data a lesson holds once and reads from many places
// (an image and its channels, every filter's maps): copying a variant or a
// result copies a pointer, not megabytes of numbers.
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
  // Item i, sharing the list's storage (no copy): the list's memory lives
  // while any item shared from it does.
  std::shared_ptr<const T> Share(std::size_t i) const { return {items_, &items_->at(i)}; }

 private:
  std::shared_ptr<const std::vector<T>> items_;
};

// One value, read through `->` or as a const reference; a default one is
// T's empty value.
template <typename T>
class SharedValue {
 public:
  SharedValue() = default;
  SharedValue(T value)  // NOLINT(google-explicit-constructor): reads as the value it holds
      : value_(std::make_shared<T>(std::move(value))), owned_(true) {}
  explicit SharedValue(std::shared_ptr<const T> value) : value_(std::move(value)) {}
  // A copy shares the value; only Edit() makes it its own.
  SharedValue(const SharedValue& o) : value_(o.value_) {}
  SharedValue& operator=(const SharedValue& o) {
    if (this != &o) {
      value_ = o.value_;
      owned_ = false;
    }
    return *this;
  }
  SharedValue(SharedValue&&) noexcept = default;
  SharedValue& operator=(SharedValue&&) noexcept = default;

  const T& get() const {
    static const T kNone{};
    return value_ ? *value_ : kNone;
  }
  operator const T&() const { return get(); }  // NOLINT(google-explicit-constructor)
  const T* operator->() const { return &get(); }
  // The value to change in place: copied first unless this holds the only
  // reference to a value it made itself (copies of this one keep theirs).
  T& Edit() {
    if (!owned_ || value_.use_count() != 1) {
      auto own = std::make_shared<T>(get());
      value_ = own;
      owned_ = true;
    }
    return const_cast<T&>(*value_);  // made non-const above, by make_shared<T>
  }
  friend bool operator==(const SharedValue& a, const SharedValue& b) { return a.get() == b.get(); }
  friend bool operator==(const SharedValue& a, const T& b) { return a.get() == b; }

 private:
  std::shared_ptr<const T> value_;
  bool owned_ = false;  // value_ was made here (from a T or by Edit()), as a non-const T
};

}  // namespace cl
