#include "lesson/png_image.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "lesson/limits.h"

namespace cl {
namespace {

struct MemoryInput {
  const unsigned char* data = nullptr;
  std::size_t size = 0;
  std::size_t pos = 0;
};

struct DecodeState {
  MemoryInput input;
  char message[200] = {};
  png_uint_32 width = 0, height = 0;
  int max_side = 0;                  // refused over this many pixels a side, before decoding
  bool too_large = false;
  std::vector<unsigned char> pixels;  // decoded rows: 1 (grey) or 3 (RGB) bytes per pixel
  std::vector<png_bytep> rows;
  int channels = 0;
};

void ReadFromMemory(png_structp png, png_bytep out, png_size_t length) {
  auto* input = static_cast<MemoryInput*>(png_get_io_ptr(png));
  if (length > input->size - input->pos) png_error(png, "the file is truncated");
  std::memcpy(out, input->data + input->pos, length);
  input->pos += length;
}

void OnPngError(png_structp png, png_const_charp message) {
  auto* state = static_cast<DecodeState*>(png_get_error_ptr(png));
  (void)std::snprintf(state->message, sizeof state->message, "%s", message);  // truncated to fit: fine
  png_longjmp(png, 1);
}

void OnPngWarning(png_structp, png_const_charp) {}  // warnings do not stop a usable image

// The libpng part, kept free of objects with destructors because libpng
// reports errors with longjmp. Everything that outlives a jump is in *state.
bool Decode(DecodeState* state) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, OnPngError, OnPngWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {  // NOLINT(cert-err52-cpp): libpng reports errors only by longjmp
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_chunk_malloc_max(png, 8u << 20);  // ancillary chunks (text, ICC) cannot balloon
  png_set_read_fn(png, &state->input, ReadFromMemory);
  png_read_info(png, info);
  int bit_depth = 0, color_type = 0;
  png_get_IHDR(png, info, &state->width, &state->height, &bit_depth, &color_type, nullptr, nullptr, nullptr);
  if (state->width > static_cast<png_uint_32>(state->max_side) ||
      state->height > static_cast<png_uint_32>(state->max_side)) {
    state->too_large = true;
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (bit_depth == 16) png_set_scale_16(png);
  // Expanding a palette turns a tRNS chunk into an alpha channel too.
  if ((color_type & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS) != 0)
    png_set_strip_alpha(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  state->channels = png_get_channels(png, info);
  const std::size_t row_bytes = png_get_rowbytes(png, info);
  state->pixels.resize(row_bytes * state->height);
  state->rows.resize(state->height);
  for (png_uint_32 r = 0; r < state->height; ++r) state->rows[r] = state->pixels.data() + r * row_bytes;
  png_read_image(png, state->rows.data());
  png_destroy_read_struct(&png, &info, nullptr);
  return state->channels == 1 || state->channels == 3;
}

// Source pixels along one axis that cover each output index, with how much
// of each they cover. Lengths are in units of 1/out of a source pixel, so the
// overlaps are exact integers and each output pixel has length `in`.
struct Share {
  int source = 0;
  long long overlap = 0;
};
std::vector<std::vector<Share>> AxisShares(int in, int out) {
  std::vector<std::vector<Share>> shares(static_cast<std::size_t>(out));
  for (int o = 0; o < out; ++o) {
    const long long begin = static_cast<long long>(o) * in, end = begin + in;
    for (long long s = begin / out; s < in && s * out < end; ++s) {
      const long long overlap = std::min(end, (s + 1) * out) - std::max(begin, s * out);
      if (overlap > 0) shares[static_cast<std::size_t>(o)].push_back({static_cast<int>(s), overlap});
    }
  }
  return shares;
}

// An image of in_rows x in_cols whole numbers >= 0, sample(r, c) each,
// resampled to rows x cols by area (ResampleByArea). Exact integer sums
// (luminance values are whole numbers), so halves round up exactly: 127.5 is
// 128, never 127 from a floating-point wobble.
template <class Sample>
Grid ResampleSamples(int in_rows, int in_cols, const Sample& sample, int rows, int cols) {
  const auto row_shares = AxisShares(in_rows, rows);
  const auto col_shares = AxisShares(in_cols, cols);
  std::vector<long long> narrow(static_cast<std::size_t>(in_rows) * static_cast<std::size_t>(cols));
  for (int r = 0; r < in_rows; ++r)
    for (int c = 0; c < cols; ++c) {
      long long sum = 0;
      for (const Share& s : col_shares[static_cast<std::size_t>(c)]) sum += s.overlap * sample(r, s.source);
      narrow[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)] = sum;
    }
  const long long area = static_cast<long long>(in_rows) * in_cols;  // one output pixel, in these units
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      long long sum = 0;
      for (const Share& s : row_shares[static_cast<std::size_t>(r)])
        sum += s.overlap * narrow[static_cast<std::size_t>(s.source) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
      const long long rounded = (2 * sum + area) / (2 * area);  // the mean, rounded half up
      out.at(r, c) = static_cast<double>(rounded);
    }
  return out;
}

// The image's samples as a grid, or resampled to `size` straight from them:
// a 4096x4096 picture as doubles before resampling was 128 MiB a channel.
template <class Sample>
Grid PlaneOf(const DecodeState& state, const std::optional<std::pair<int, int>>& size, const Sample& sample) {
  const int rows = static_cast<int>(state.height), cols = static_cast<int>(state.width);
  if (size) return ResampleSamples(rows, cols, sample, size->first, size->second);
  Grid plane(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) plane.at(r, c) = static_cast<double>(sample(r, c));
  return plane;
}

}  // namespace

namespace {

// Reads and decodes the PNG at `path` into *state (1 or 3 bytes a pixel), or
// sets *error to a lowercase phrase and returns false.
bool ReadPngFile(const std::string& path, const PngReading& reading, DecodeState* state,
                 std::vector<unsigned char>* bytes, std::string* error) {
  std::error_code ec;
  const std::filesystem::path file(path);
  if (!std::filesystem::is_regular_file(file, ec)) {
    *error = std::filesystem::exists(file, ec) ? "is not a regular file" : "does not exist";
    return false;
  }
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    *error = "cannot be read";
    return false;
  }
  if (size > limits::kMaxImageFileBytes) {
    *error = fmt::format("is larger than {} MiB", limits::kMaxImageFileBytes >> 20);
    return false;
  }
  std::ifstream in(file, std::ios::binary);
  bytes->resize(static_cast<std::size_t>(size));
  if (!in || !in.read(reinterpret_cast<char*>(bytes->data()), static_cast<std::streamsize>(bytes->size()))) {
    *error = "cannot be read";
    return false;
  }
  if (bytes->size() < 8 || png_sig_cmp(bytes->data(), 0, 8) != 0) {
    *error = "is not a PNG image";
    return false;
  }
  state->input = {bytes->data(), bytes->size(), 0};
  state->max_side = reading.size ? limits::kMaxImageFileSide : reading.max_side_unresampled;
  if (!Decode(state)) {
    const auto file_side = static_cast<png_uint_32>(limits::kMaxImageFileSide);
    if (state->too_large && (state->width > file_side || state->height > file_side))
      *error = fmt::format("is {}x{} pixels; at most {} per side can be read", state->height, state->width,
                           limits::kMaxImageFileSide);
    else if (state->too_large)
      *error = fmt::format("is {}x{} pixels; at most {} per side, or set size: [rows, columns] to resample it",
                           state->height, state->width, reading.max_side_unresampled);
    else
      *error = fmt::format("is not a readable PNG image ({})", state->message[0] ? state->message : "unsupported format");
    return false;
  }
  return true;
}

}  // namespace

std::optional<Grid> ReadPngLuminance(const std::string& path, std::string* error, const PngReading& reading) {
  DecodeState state;
  std::vector<unsigned char> bytes;
  if (!ReadPngFile(path, reading, &state, &bytes, error)) return std::nullopt;
  const auto channels = static_cast<std::size_t>(state.channels);
  return PlaneOf(state, reading.size, [&](int r, int c) -> long long {
    const unsigned char* px = state.rows[static_cast<std::size_t>(r)] + static_cast<std::size_t>(c) * channels;
    // Integer arithmetic rounds exactly half up, as round() on the exact value would.
    return channels == 1 ? px[0] : (299 * px[0] + 587 * px[1] + 114 * px[2] + 500) / 1000;
  });
}

std::optional<std::vector<Grid>> ReadPngRgb(const std::string& path, std::string* error, const PngReading& reading) {
  DecodeState state;
  std::vector<unsigned char> bytes;
  if (!ReadPngFile(path, reading, &state, &bytes, error)) return std::nullopt;
  const auto channels = static_cast<std::size_t>(state.channels);
  std::vector<Grid> planes;
  for (std::size_t k = 0; k < 3; ++k)
    planes.push_back(PlaneOf(state, reading.size, [&](int r, int c) -> long long {
      return state.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c) * channels + (channels == 1 ? 0 : k)];
    }));
  return planes;
}

Grid ResampleByArea(const Grid& image, int rows, int cols) {
  return ResampleSamples(image.rows, image.cols, [&](int r, int c) { return std::llround(image.at(r, c)); }, rows, cols);
}

}  // namespace cl
