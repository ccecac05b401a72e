// Results JSON: the contract's results object ({"id", "title", "variants":
// [...]}) built from a lesson and its computed variants, as printed by
// `convlesson compute --json` and extended by the build into lesson.json (which
// adds "beats", "animation", "page", "handout" to these objects). Write it with
// WriteJson (site/json_writer.h) so numbers read as the contract says.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "base/grid.h"
#include "compute/compute.h"
#include "model/model.h"

namespace cl {

// A number as the contract stores it: an integer when the value is integral
// and exact in a double (|v| <= 2^53), otherwise a double; -0 becomes 0.
nlohmann::ordered_json NumberJson(double value);

// An empty object with room for `keys` keys. An ordered_json object is a
// vector of (const key, value) pairs, which it copies, values and all, each
// time it grows (the const key makes the pair's move not noexcept): a
// variant's object gets its beats (thousands of captions) before its last
// keys. (Its grids are references, GridRef, so they cost nothing to copy.)
nlohmann::ordered_json ObjectWithRoom(std::size_t keys);

// One entry of "variants": label, input, filter, conv, activation, pool
// (null for `pool: none`), in that key order. Its grids are references
// (GridRef, site/json_writer.h) to the variant's and the result's: both must
// outlive the tree.
nlohmann::ordered_json VariantJson(const Variant& variant, const VariantResult& result);

// {"id", "title", "variants": []}: the lesson's header, for callers that
// choose which variants to list.
nlohmann::ordered_json ResultsHeaderJson(const Lesson& lesson);

// The whole object; results[i] is lesson.variants[i]'s (sizes must match);
// the tree refers to both, as VariantJson's does.
nlohmann::ordered_json ResultsJson(const Lesson& lesson, const std::vector<VariantResult>& results);

// Spelling of settings shared with the terminal and page text.
const char* ActivationName(ActivationType type);  // "relu" | "none" | "leaky-relu"
const char* PoolTypeName(PoolType type);          // "max" | "avg"
const char* RemainderName(Remainder remainder);   // "drop" | "pad"

}  // namespace cl
