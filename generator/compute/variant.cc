// A variant's whole computation: convolve, activate, pool.
#include "compute/compute.h"

namespace cl {

Grid ApplyActivation(const ActivationSpec& a, const Grid& map) {
  Grid out = map;
  for (double& value : out.values) value = Activate(a, value);
  return out;
}

namespace {

FilterMaps ComputeFilter(const Variant& v, const Filter& filter) {
  FilterMaps maps;
  if (ChannelCount(v) == 1) {
    maps.conv = Conv2D(v.image, filter.weights, v.conv, filter.bias);
  } else {
    std::vector<Grid> slices;
    for (int c = 0; c < ChannelCount(v); ++c) slices.push_back(SliceAt(filter, c));
    maps.conv = Conv2DChannels(v.channels.items(), slices, v.conv, filter.bias);
  }
  maps.activated = ApplyActivation(v.activation, maps.conv);
  if (v.pool.enabled) maps.pooled = Pool2D(maps.activated, v.pool);
  return maps;
}

}  // namespace

VariantResult ComputeVariant(const Variant& v) {
  VariantResult result;
  // A variant built by hand (tests) may set only `filter`: it is the one filter.
  const std::vector<Filter> one{v.filter};
  const std::vector<Filter>& filters = v.filters.empty() ? one : v.filters;
  std::vector<FilterMaps> maps;
  maps.reserve(filters.size());
  for (const Filter& filter : filters) maps.push_back(ComputeFilter(v, filter));
  result.maps = std::move(maps);
  result.drawn = v.filters.empty() ? 0 : v.drawn;
  return result;
}

Variant FocusOnFilter(const Variant& v, int k) {
  Variant out = v;
  if (v.filters.empty()) return out;
  out.drawn = k;
  out.filter = v.filters.at(static_cast<std::size_t>(k));
  return out;
}

VariantResult FocusOnFilter(const VariantResult& r, int k) {
  r.maps.at(static_cast<std::size_t>(k));  // throws for a filter it does not have, as a copy did
  VariantResult out = r;
  out.drawn = k;
  return out;
}

int FilterCount(const Variant& v) { return v.filters.empty() ? 1 : static_cast<int>(v.filters.size()); }

const Filter& FilterAt(const Variant& v, int k) {
  return v.filters.empty() ? v.filter : v.filters.at(static_cast<std::size_t>(k));
}

bool HasChannels(const Variant& v) { return ChannelCount(v) > 1; }

bool HasFilterList(const Variant& v) { return FilterCount(v) > 1 || FilterAt(v, 0).bias != 0.0; }

}  // namespace cl
