// Grid: a dense row-major matrix of doubles, the one numeric container every
// stage shares (images, filters, feature maps). Plain data, bounds-checked
// access in debug builds only.
#pragma once

#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

namespace cl {

struct Grid {
  int rows = 0;
  int cols = 0;
  std::vector<double> values;  // rows * cols, row-major

  Grid() = default;
  Grid(int r, int c, double fill = 0.0)
      : rows(r), cols(c), values(static_cast<std::size_t>(r) * static_cast<std::size_t>(c), fill) {}

  // Builds a grid from rectangular rows; the caller guarantees rectangularity.
  static Grid FromRows(const std::vector<std::vector<double>>& rows_in);
  std::vector<std::vector<double>> ToRows() const;
  Grid Transposed() const;

  double& at(int r, int c) {
    assert(r >= 0 && r < rows && c >= 0 && c < cols);
    return values[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
  }
  double at(int r, int c) const {
    assert(r >= 0 && r < rows && c >= 0 && c < cols);
    return values[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
  }
  bool empty() const { return rows == 0 || cols == 0; }
  friend bool operator==(const Grid&, const Grid&) = default;
};

// A read-only list of grids shared by its copies: an image's channels, read
// once, are every variant's that does not set its own (a 512x512 colour
// photograph is 6 MB a copy, and variants are copied for each filter they
// focus on).
class GridList {
 public:
  GridList() = default;
  GridList(std::vector<Grid> grids)  // NOLINT(google-explicit-constructor): a list reads as one
      : grids_(std::make_shared<const std::vector<Grid>>(std::move(grids))) {}
  GridList(std::initializer_list<Grid> grids) : GridList(std::vector<Grid>(grids)) {}

  const std::vector<Grid>& grids() const { return grids_ ? *grids_ : None(); }
  std::size_t size() const { return grids().size(); }
  bool empty() const { return grids().empty(); }
  const Grid& operator[](std::size_t i) const { return (*grids_)[i]; }
  const Grid& at(std::size_t i) const { return grids().at(i); }
  const Grid& front() const { return grids().front(); }
  std::vector<Grid>::const_iterator begin() const { return grids().begin(); }
  std::vector<Grid>::const_iterator end() const { return grids().end(); }
  friend bool operator==(const GridList& a, const GridList& b) { return a.grids() == b.grids(); }

 private:
  static const std::vector<Grid>& None();
  std::shared_ptr<const std::vector<Grid>> grids_;
};

}  // namespace cl
