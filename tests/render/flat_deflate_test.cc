// The flat-art deflate writer: whatever the rows hold, zlib's and
// libdeflate's inflaters read back exactly the bytes given (the same bytes
// whether the rows come at once or a piece at a time), and the runs and
// repeated rows it is made for cost next to nothing.
#include <boost/test/unit_test.hpp>

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "render/flat_deflate.h"

using namespace cl;

namespace {

// Inflates with zlib (as libpng, and so Cairo, does) and with libdeflate;
// fails the test when either disagrees with `rows` or rejects the stream.
void CheckRoundTrip(const std::vector<uint8_t>& rows, std::size_t row_bytes, std::size_t pixel_bytes = 1) {
  std::string stream;
  AppendFlatZlib(rows.data(), row_bytes, rows.size() / row_bytes, &stream, pixel_bytes);
  std::vector<uint8_t> back(rows.size() + 1);
  uLongf size = back.size();
  BOOST_REQUIRE(uncompress(back.data(), &size, reinterpret_cast<const Bytef*>(stream.data()), stream.size()) == Z_OK);
  back.resize(size);
  BOOST_TEST(back == rows);
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::vector<uint8_t> again(rows.size());
  std::size_t got = 0;
  BOOST_TEST(libdeflate_zlib_decompress(d, stream.data(), stream.size(), again.data(), again.size(), &got) ==
             LIBDEFLATE_SUCCESS);
  libdeflate_free_decompressor(d);
  BOOST_TEST(got == rows.size());
  BOOST_TEST(again == rows);
  // Given a piece at a time (a byte, an odd size, a row, more than a match
  // reaches), the streaming writer writes the same bytes.
  for (std::size_t piece : {std::size_t{1}, std::size_t{7}, row_bytes, std::size_t{1000}}) {
    std::string streamed;
    FlatZlibWriter writer(row_bytes, rows.size() / row_bytes, &streamed, pixel_bytes);
    for (std::size_t at = 0; at < rows.size(); at += piece) writer.Add(rows.data() + at, std::min(piece, rows.size() - at));
    writer.Finish();
    BOOST_TEST((streamed == stream), "pieces of " << piece);
  }
}

uint32_t Next(uint32_t* state) { return *state = *state * 1103515245u + 12345u, *state >> 16; }

}  // namespace

BOOST_AUTO_TEST_CASE(RandomBytesRunsAndRepeatedRowsRoundTrip) {
  uint32_t state = 7;
  for (std::size_t row_bytes : {1u, 2u, 3u, 17u, 260u, 2391u}) {
    for (std::size_t rows : {1u, 2u, 5u, 300u}) {
      BOOST_TEST_CONTEXT(row_bytes << " x " << rows) {
        std::vector<uint8_t> noise(row_bytes * rows), flat(row_bytes * rows);
        for (uint8_t& b : noise) b = static_cast<uint8_t>(Next(&state));
        // Flat art: runs of a few values, rows that repeat, now and then a row that changes a little.
        for (std::size_t y = 0; y < rows; ++y) {
          for (std::size_t x = 0; x < row_bytes; ++x) {
            uint8_t& b = flat[y * row_bytes + x];
            if (y > 0 && Next(&state) % 8 != 0) b = flat[(y - 1) * row_bytes + x];
            else b = x > 0 && Next(&state) % 16 != 0 ? flat[y * row_bytes + x - 1] : static_cast<uint8_t>(Next(&state) % 5);
          }
        }
        CheckRoundTrip(noise, row_bytes);
        CheckRoundTrip(flat, row_bytes);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(EveryByteValueAndManyBlocksRoundTrip) {
  // Every literal, every match length (a run of each length 3..300 between
  // distinct bytes), far more symbols than one block holds.
  std::vector<uint8_t> bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<uint8_t>(i));
  for (int length = 1; length <= 300; ++length) bytes.insert(bytes.end(), static_cast<std::size_t>(length), static_cast<uint8_t>(length));
  uint32_t state = 99;
  for (int i = 0; i < 100000; ++i) bytes.push_back(static_cast<uint8_t>(Next(&state) % 3));
  CheckRoundTrip(bytes, bytes.size());
  CheckRoundTrip(bytes, 1);
}

BOOST_AUTO_TEST_CASE(RowsWiderThanTheWindowUseRunsOnly) {
  // 40000 bytes a row: the row above is out of deflate's reach (32 KiB).
  const std::size_t row_bytes = 40000;
  std::vector<uint8_t> rows(row_bytes * 3);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<uint8_t>((i % row_bytes) / 1000);
  CheckRoundTrip(rows, row_bytes);
}

BOOST_AUTO_TEST_CASE(FlatPicturesCostNextToNothing) {
  // 2000 x 1000 of one value, or a striped row repeated: under 1 % of the
  // bytes (a match covers at most 258 bytes).
  const std::size_t row_bytes = 2001;
  std::vector<uint8_t> flat(row_bytes * 1000, 3), striped(row_bytes * 1000);
  for (std::size_t i = 0; i < striped.size(); ++i) striped[i] = static_cast<uint8_t>((i % row_bytes) / 50);
  for (const auto* rows : {&flat, &striped}) {
    std::string stream;
    AppendFlatZlib(rows->data(), row_bytes, 1000, &stream);
    BOOST_TEST(stream.size() < rows->size() / 100);
  }
}

BOOST_AUTO_TEST_CASE(RgbRowsRoundTripAndTheirRunsCostNextToNothing) {
  // Truecolour scanlines: a filter byte, then 3 bytes a pixel. Runs of one
  // pixel repeat at distance 3, which no byte run finds; random rows, flat
  // rows and rows of a few colours all read back exactly.
  uint32_t state = 11;
  for (std::size_t width : {1u, 2u, 5u, 700u}) {
    const std::size_t row_bytes = 1 + 3 * width, rows = 40;
    std::vector<uint8_t> noise(row_bytes * rows), flat(row_bytes * rows);
    for (uint8_t& b : noise) b = static_cast<uint8_t>(Next(&state));
    for (std::size_t y = 0; y < rows; ++y) {
      uint8_t* row = flat.data() + y * row_bytes;
      row[0] = 0;
      for (std::size_t x = 0; x < width; ++x) {
        const uint32_t colour = (x / 37 + y / 9) % 3 == 0 ? 0x1F77B4 : (x / 37 + y / 9) % 3 == 1 ? 0xFF7F0E : 0xFAFAFA;
        row[1 + 3 * x] = static_cast<uint8_t>(colour >> 16);
        row[2 + 3 * x] = static_cast<uint8_t>(colour >> 8);
        row[3 + 3 * x] = static_cast<uint8_t>(colour);
      }
    }
    BOOST_TEST_CONTEXT(width << " pixels a row") {
      CheckRoundTrip(noise, row_bytes, 3);
      CheckRoundTrip(flat, row_bytes, 3);
    }
  }
  // One row of 2000 pixels of three colours in stripes of 50, no row above
  // to copy: the pixel runs make it small.
  const std::size_t row_bytes = 1 + 3 * 2000;
  std::vector<uint8_t> striped(row_bytes, 0);
  for (std::size_t x = 0; x < 2000; ++x)
    for (std::size_t c = 0; c < 3; ++c) striped[1 + 3 * x + c] = static_cast<uint8_t>(40 * c + 90 * (x / 50 % 3));
  std::string stream;
  AppendFlatZlib(striped.data(), row_bytes, 1, &stream, 3);
  BOOST_TEST(stream.size() < striped.size() / 50);
}

BOOST_AUTO_TEST_CASE(RepeatsFartherAwayAreFound) {
  // Text: the same few "glyphs" (40 bytes of noise each) drawn again and
  // again along one row, between runs of background; neither a run nor the
  // row above finds them, the table of earlier 4-byte words does. The row
  // is 64 KiB, so repeats beyond deflate's window must be left alone.
  uint32_t state = 5;
  std::vector<std::vector<uint8_t>> glyphs(4, std::vector<uint8_t>(40));
  for (auto& glyph : glyphs)
    for (uint8_t& b : glyph) b = static_cast<uint8_t>(Next(&state));
  std::vector<uint8_t> row;
  std::size_t glyph_bytes = 0;
  while (row.size() < 65536) {
    row.insert(row.end(), 10 + Next(&state) % 30, 255);
    const auto& glyph = glyphs[Next(&state) % glyphs.size()];
    row.insert(row.end(), glyph.begin(), glyph.end());
    glyph_bytes += glyph.size();
  }
  CheckRoundTrip(row, row.size());
  std::string stream;
  AppendFlatZlib(row.data(), row.size(), 1, &stream);
  BOOST_TEST(stream.size() < glyph_bytes / 8);
}

BOOST_AUTO_TEST_CASE(RepeatsAtTheWindowsEdgeRoundTrip) {
  // A block of noise, then noise, then the block again exactly 32768 bytes
  // after it began (deflate's farthest distance), and again 32769 bytes
  // after that copy (just out of reach); as one row and as rows of 4096
  // (whose row above is in reach), given whole and in pieces.
  uint32_t state = 17;
  std::vector<uint8_t> block(64), bytes;
  for (uint8_t& b : block) b = static_cast<uint8_t>(Next(&state));
  const auto noise = [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) bytes.push_back(static_cast<uint8_t>(Next(&state)));
  };
  bytes.insert(bytes.end(), block.begin(), block.end());
  noise(32768 - block.size());
  bytes.insert(bytes.end(), block.begin(), block.end());
  noise(32769 - block.size());
  bytes.insert(bytes.end(), block.begin(), block.end());
  noise(4096 - bytes.size() % 4096);  // whole rows of 4096 bytes
  CheckRoundTrip(bytes, bytes.size());
  CheckRoundTrip(bytes, 4096);
}

BOOST_AUTO_TEST_CASE(SameRowsGiveSameBytes) {
  std::vector<uint8_t> rows(5000);
  uint32_t state = 3;
  for (uint8_t& b : rows) b = static_cast<uint8_t>(Next(&state) % 4);
  std::string a, b;
  AppendFlatZlib(rows.data(), 100, 50, &a);
  AppendFlatZlib(rows.data(), 100, 50, &b);
  BOOST_TEST(a == b);
}

// The table of where 4 bytes were last seen is the thread's, kept from one
// writer to the next: what writers before left on the thread (the same
// glyphs, at other places) never changes what a writer finds.
BOOST_AUTO_TEST_CASE(AWritersBytesDoNotDependOnTheWritersBeforeIt) {
  uint32_t state = 11;
  std::vector<std::vector<uint8_t>> glyphs(6, std::vector<uint8_t>(24));
  for (auto& glyph : glyphs)
    for (uint8_t& b : glyph) b = static_cast<uint8_t>(Next(&state));
  const auto text = [&](std::size_t bytes) {
    std::vector<uint8_t> rows;
    while (rows.size() < bytes) {
      rows.insert(rows.end(), 3 + Next(&state) % 20, 255);
      const auto& glyph = glyphs[Next(&state) % glyphs.size()];
      rows.insert(rows.end(), glyph.begin(), glyph.end());
    }
    rows.resize(bytes);
    return rows;
  };
  const std::vector<uint8_t> picture = text(600 * 80), other = text(600 * 50);
  const auto encode = [](const std::vector<uint8_t>& rows) {
    std::string stream;
    AppendFlatZlib(rows.data(), 600, rows.size() / 600, &stream);
    return stream;
  };
  std::string alone, after_other, again;
  std::thread([&] { alone = encode(picture); }).join();
  std::thread([&] {
    encode(other);
    after_other = encode(picture);
    again = encode(picture);
  }).join();
  BOOST_TEST((after_other == alone));
  BOOST_TEST((again == alone));
  CheckRoundTrip(picture, 600);
}

namespace {

// A stream made with bands copied from `first_stream`'s picture: the bytes
// a writer coding every band of `picture` itself writes (`fresh`), not the
// first picture's, and it inflates to `picture`.
void CheckCopiedStream(const std::string& copied, const std::string& fresh, const std::string& first_stream,
                       const std::vector<uint8_t>& picture) {
  BOOST_TEST((copied == fresh));
  BOOST_TEST((copied != first_stream));
  std::vector<uint8_t> back(picture.size());
  uLongf size = back.size();
  BOOST_REQUIRE(uncompress(back.data(), &size, reinterpret_cast<const Bytef*>(copied.data()), copied.size()) == Z_OK);
  BOOST_TEST((back == picture));
}

}  // namespace

// A picture coded band by band (kFlatBandRows rows each), each band's bits
// depending only on its rows and the row above: a second picture equal to
// the first in some bands (and their rows above) takes those bands from the
// first's stream and writes the bytes it writes coding them itself, which
// inflate to its rows. A band is refused away from a band's start or of
// another size.
BOOST_AUTO_TEST_CASE(BandsCopiedFromAnEarlierPictureWriteTheSameStream) {
  uint32_t state = 5;
  const std::size_t row_bytes = 301, rows = kFlatBandRows * 4 + 9;  // a short last band
  std::vector<uint8_t> first(row_bytes * rows);
  for (std::size_t i = 0; i < first.size(); ++i)
    first[i] = i % row_bytes == 0 ? 0 : Next(&state) % 4 == 0 ? static_cast<uint8_t>(Next(&state)) : first[i - 1];
  std::string first_stream;
  FlatZlibWriter writer(row_bytes, rows, &first_stream, 1, true);
  writer.Add(first.data(), first.size());
  const std::vector<FlatBand> bands = writer.Finish();
  BOOST_REQUIRE(bands.size() == 5u);
  // Changed: a byte in band 1 (so bands 1 and 2, whose row above it is not,
  // are coded again) and the last band's last byte.
  std::vector<uint8_t> second = first;
  second[row_bytes * (kFlatBandRows + kFlatBandRows - 1) + 7] ^= 0x55;
  second.back() ^= 0x0F;
  const std::size_t band_bytes = row_bytes * kFlatBandRows;
  std::string copied;
  FlatZlibWriter again(row_bytes, rows, &copied, 1);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const uint8_t* start = second.data() + b * band_bytes;
    const std::size_t n = std::min(band_bytes, second.size() - b * band_bytes);
    if (b == 0 || b == 3) {
      BOOST_TEST(again.AddCodedBand(bands[b], start + n - row_bytes));
      continue;
    }
    again.Add(start, 1);
    BOOST_TEST(!again.AddCodedBand(bands[b], start + n - row_bytes));  // not at the band's start
    again.Add(start + 1, n - 1);
  }
  again.Finish();
  std::string fresh;
  AppendFlatZlib(second.data(), row_bytes, rows, &fresh);
  CheckCopiedStream(copied, fresh, first_stream, second);
  // The last band is shorter: a whole band's bits are not its.
  std::string short_end;
  FlatZlibWriter last(row_bytes, rows, &short_end, 1);
  last.Add(first.data(), band_bytes * 4);
  BOOST_TEST(!last.AddCodedBand(bands[0], first.data()));
  BOOST_TEST(last.AddCodedBand(bands[4], first.data() + first.size() - row_bytes));
}

// Bands ended where the writer is told (EndBand, at a row's end) rather
// than every kFlatBandRows rows: each band's bits still depend only on its
// rows and the row above, so a picture cut the same way copies the bands it
// shares with an earlier one and writes what coding them all would. An
// empty band is no band; a band longer than the rows left is refused.
BOOST_AUTO_TEST_CASE(BandsEndedByTheCallerAreCopiedAlike) {
  uint32_t state = 9;
  const std::size_t row_bytes = 97, rows = 8 + 20 + kFlatBandRows + 5;
  const std::size_t cut_rows[] = {8, 20, kFlatBandRows, 5};
  std::vector<uint8_t> first(row_bytes * rows);
  for (std::size_t i = 0; i < first.size(); ++i)
    first[i] = i % row_bytes == 0 ? 0 : Next(&state) % 3 == 0 ? static_cast<uint8_t>(Next(&state)) : first[i - 1];
  const auto write = [&](const std::vector<uint8_t>& picture, std::string* out, bool keep) {
    FlatZlibWriter writer(row_bytes, rows, out, 1, keep);
    const uint8_t* at = picture.data();
    for (std::size_t n : cut_rows) {
      writer.Add(at, n * row_bytes);
      writer.EndBand();
      writer.EndBand();  // nothing added since: no band
      at += n * row_bytes;
    }
    return writer.Finish();
  };
  std::string first_stream;
  const std::vector<FlatBand> bands = write(first, &first_stream, true);
  BOOST_REQUIRE(bands.size() == 4u);
  for (std::size_t b = 0; b < 4; ++b) BOOST_TEST(bands[b].bytes == cut_rows[b] * row_bytes);
  // A byte changed in the second band: it and the third (whose row above
  // it is) are coded again; the first and the last are copied.
  std::vector<uint8_t> second = first;
  second[row_bytes * (8 + 19) + 5] ^= 0x33;
  std::string copied;
  FlatZlibWriter again(row_bytes, rows, &copied, 1);
  BOOST_TEST(again.AddCodedBand(bands[0], second.data() + row_bytes * 7));
  again.Add(second.data() + row_bytes * 8, row_bytes * 20);
  again.EndBand();
  again.Add(second.data() + row_bytes * 28, row_bytes * kFlatBandRows);
  again.EndBand();
  BOOST_TEST(!again.AddCodedBand(bands[1], second.data() + second.size() - row_bytes));  // 20 rows: 5 are left
  BOOST_TEST(again.AddCodedBand(bands[3], second.data() + second.size() - row_bytes));
  again.Finish();
  std::string fresh;
  write(second, &fresh, false);
  CheckCopiedStream(copied, fresh, first_stream, second);
}
