// BufferedDeflate, zlib's deflate interface served by libdeflate (what the
// binary gives Cairo for its PDF streams): driven as Cairo's deflate stream
// and zlib's compress2 drive zlib, its streams inflate (with zlib's own
// inflate) to their input, with zlib's counts and checksum; and its answers
// where zlib's are errors.
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "render/buffered_deflate.h"

using namespace cl;

namespace {

// Text and numbers, as a PDF's content stream holds, with a picture's runs.
std::vector<uint8_t> Sample(std::size_t bytes, unsigned seed = 1) {
  std::vector<uint8_t> data;
  uint32_t x = seed;
  while (data.size() < bytes) {
    x = x * 1103515245u + 12345u;
    const std::string line = std::to_string(x % 1000) + "." + std::to_string(x % 97) + " 0 Td (cell) Tj\n";
    data.insert(data.end(), line.begin(), line.end());
    data.insert(data.end(), (x >> 16) % 40, static_cast<uint8_t>(x >> 8));
  }
  data.resize(bytes);
  return data;
}

std::vector<uint8_t> Inflate(const std::vector<uint8_t>& stream) {
  z_stream z{};
  BOOST_REQUIRE(inflateInit(&z) == Z_OK);
  std::vector<uint8_t> out(1 << 16);
  std::vector<uint8_t> result;
  z.next_in = const_cast<Bytef*>(stream.data());
  z.avail_in = static_cast<uInt>(stream.size());
  int ret = Z_OK;
  while (ret == Z_OK) {
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    ret = inflate(&z, Z_NO_FLUSH);
    result.insert(result.end(), out.data(), z.next_out);
  }
  BOOST_TEST(ret == Z_STREAM_END);
  BOOST_TEST(z.avail_in == 0u);  // nothing after the stream's end
  inflateEnd(&z);
  return result;
}

// Cairo's deflate stream: input in pieces of `in_piece` bytes with
// Z_NO_FLUSH, output space of `out_piece` bytes taken whenever it is full,
// then Z_FINISH until Z_STREAM_END.
std::vector<uint8_t> DeflateAsCairo(const std::vector<uint8_t>& input, std::size_t in_piece, std::size_t out_piece,
                                    int level = Z_DEFAULT_COMPRESSION) {
  z_stream z{};
  BOOST_REQUIRE(BufferedDeflateInit(&z, level) == Z_OK);
  BOOST_REQUIRE(IsBufferedDeflate(&z));
  std::vector<uint8_t> out(out_piece), stream;
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  const auto take = [&] {
    stream.insert(stream.end(), out.data(), z.next_out);
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
  };
  for (std::size_t at = 0; at < input.size(); at += in_piece) {
    z.next_in = const_cast<Bytef*>(input.data() + at);
    z.avail_in = static_cast<uInt>(std::min(in_piece, input.size() - at));
    do {
      BOOST_REQUIRE(BufferedDeflate(&z, Z_NO_FLUSH) == Z_OK);
      if (z.avail_out == 0) take();
    } while (z.avail_in != 0);
  }
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    ret = BufferedDeflate(&z, Z_FINISH);
    BOOST_REQUIRE((ret == Z_OK || ret == Z_STREAM_END));
    take();
  }
  BOOST_TEST(z.total_in == input.size());
  BOOST_TEST(z.total_out == stream.size());
  BOOST_TEST(z.adler == adler32(adler32(0, nullptr, 0), input.data(), static_cast<uInt>(input.size())));
  BOOST_TEST(BufferedDeflate(&z, Z_FINISH) == Z_STREAM_END);  // again: nothing more
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_OK);
  BOOST_TEST(!IsBufferedDeflate(&z));
  return stream;
}

// The same calls made on a zlib stream and on one of these: the answers
// of each call (the output itself differs: another compressor).
struct Call {
  enum { kDeflate, kEnd } what = kDeflate;
  int flush = Z_NO_FLUSH;
  std::size_t in = 0, out = 0;  // bytes of input and of output room given
};

std::vector<int> Answers(bool zlib, const std::vector<Call>& calls) {
  const std::vector<uint8_t> input = Sample(5000, 3);
  std::vector<uint8_t> out(20000);
  z_stream z{};
  std::vector<int> answers{zlib ? deflateInit(&z, 6) : BufferedDeflateInit(&z, 6)};
  std::size_t at = 0;
  for (const Call& c : calls) {
    if (c.what == Call::kEnd) {
      answers.push_back(zlib ? deflateEnd(&z) : BufferedDeflateEnd(&z));
      continue;
    }
    z.next_in = const_cast<Bytef*>(input.data() + at);
    z.avail_in = static_cast<uInt>(c.in);
    at += c.in;
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(c.out);
    answers.push_back(zlib ? deflate(&z, c.flush) : BufferedDeflate(&z, c.flush));
  }
  return answers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BufferedDeflateTests)

BOOST_AUTO_TEST_CASE(StreamsInflateToTheirInput) {
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{5000}, std::size_t{300000}}) {
    const std::vector<uint8_t> input = Sample(size);
    BOOST_TEST_CONTEXT(size << " bytes") {
      BOOST_TEST(Inflate(DeflateAsCairo(input, 16384, 16384)) == input);
      BOOST_TEST(Inflate(DeflateAsCairo(input, 1000, 7)) == input);  // output a few bytes at a time
      BOOST_TEST(Inflate(DeflateAsCairo(input, 70000, 16384, 1)) == input);
      BOOST_TEST(Inflate(DeflateAsCairo(input, 16384, 16384, 9)) == input);
      BOOST_TEST(Inflate(DeflateAsCairo(input, 16384, 16384, 0)) == input);  // stored
    }
  }
  // Compressed, and the same bytes every time.
  const std::vector<uint8_t> input = Sample(300000);
  const std::vector<uint8_t> once = DeflateAsCairo(input, 16384, 16384);
  BOOST_TEST(once.size() < input.size() / 2);
  BOOST_TEST((DeflateAsCairo(input, 4096, 100) == once));
}

BOOST_AUTO_TEST_CASE(AsCompress2DrivesIt) {
  // compress2's loop: output and input given as they run out, Z_FINISH
  // once all input is given, until anything but Z_OK.
  const std::vector<uint8_t> input = Sample(100000, 7);
  std::vector<uint8_t> out(compressBound(static_cast<uLong>(input.size())));
  z_stream z{};
  BOOST_REQUIRE(BufferedDeflateInit(&z, 6) == Z_OK);
  z.next_out = out.data();
  z.next_in = const_cast<Bytef*>(input.data());
  std::size_t source_left = input.size(), out_left = out.size();
  const std::size_t max = 1000;  // compress2 gives at most uInt's range a call; smaller here
  int err = Z_OK;
  do {
    if (z.avail_out == 0) {
      z.avail_out = static_cast<uInt>(std::min(out_left, max));
      out_left -= z.avail_out;
    }
    if (z.avail_in == 0) {
      z.avail_in = static_cast<uInt>(std::min(source_left, max));
      source_left -= z.avail_in;
    }
    err = BufferedDeflate(&z, source_left ? Z_NO_FLUSH : Z_FINISH);
  } while (err == Z_OK);
  BOOST_TEST(err == Z_STREAM_END);
  out.resize(z.total_out);
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_OK);
  BOOST_TEST(Inflate(out) == input);
}

BOOST_AUTO_TEST_CASE(ZlibsErrorsWhereZlibGivesThem) {
  BOOST_TEST(BufferedDeflateInit(nullptr, 6) == Z_STREAM_ERROR);
  z_stream z{};
  BOOST_TEST(BufferedDeflateInit(&z, 10) == Z_STREAM_ERROR);
  BOOST_TEST(BufferedDeflateInit(&z, -2) == Z_STREAM_ERROR);
  BOOST_TEST(!IsBufferedDeflate(&z));
  BOOST_TEST(BufferedDeflate(&z, Z_FINISH) == Z_STREAM_ERROR);  // not started
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_STREAM_ERROR);

  std::vector<uint8_t> input = Sample(1000), out(4);
  BOOST_REQUIRE(BufferedDeflateInit(&z, Z_DEFAULT_COMPRESSION) == Z_OK);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_TEST(BufferedDeflate(&z, Z_NO_FLUSH) == Z_OK);         // no input: zlib writes its header
  BOOST_TEST(BufferedDeflate(&z, Z_NO_FLUSH) == Z_BUF_ERROR);  // then no progress
  z.next_in = input.data();
  z.avail_in = static_cast<uInt>(input.size());
  BOOST_TEST(BufferedDeflate(&z, Z_SYNC_FLUSH) == Z_STREAM_ERROR);  // cannot be made from one buffer
  BOOST_TEST(z.avail_in == input.size());                           // and nothing taken
  BOOST_TEST(BufferedDeflate(&z, Z_NO_FLUSH) == Z_OK);
  BOOST_TEST(BufferedDeflate(&z, Z_FINISH) == Z_OK);  // 4 bytes of the stream out
  BOOST_TEST(z.avail_out == 0u);
  BOOST_TEST(BufferedDeflate(&z, Z_FINISH) == Z_BUF_ERROR);  // no room
  z.next_in = input.data();
  z.avail_in = 1;
  BOOST_TEST(BufferedDeflate(&z, Z_FINISH) == Z_BUF_ERROR);  // input after Z_FINISH
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_OK);  // finished: output not taken is dropped, as in zlib

  // Ended before finishing: an error once deflate was called, as in zlib.
  BOOST_REQUIRE(BufferedDeflateInit(&z, 6) == Z_OK);
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_OK);
  BOOST_REQUIRE(BufferedDeflateInit(&z, 6) == Z_OK);
  z.next_in = input.data();
  z.avail_in = static_cast<uInt>(input.size());
  BOOST_TEST(BufferedDeflate(&z, Z_NO_FLUSH) == Z_OK);
  BOOST_TEST(BufferedDeflateEnd(&z) == Z_DATA_ERROR);
}

BOOST_AUTO_TEST_CASE(AnswersAsZlibDoes) {
  const Call end{Call::kEnd};
  const std::vector<std::vector<Call>> cases = {
      {end},                                                                 // nothing given
      {{Call::kDeflate, Z_NO_FLUSH, 0, 100}, {Call::kDeflate, Z_NO_FLUSH, 0, 100}, end},  // header, then no progress
      {{Call::kDeflate, Z_NO_FLUSH, 1000, 100}, end},                        // input, not finished
      {{Call::kDeflate, Z_NO_FLUSH, 1000, 100}, {Call::kDeflate, Z_FINISH, 0, 20000},
       {Call::kDeflate, Z_FINISH, 0, 100}, end},                             // finished, asked again
      {{Call::kDeflate, Z_FINISH, 3000, 4}, {Call::kDeflate, Z_FINISH, 0, 0},
       {Call::kDeflate, Z_NO_FLUSH, 0, 100}, end},  // no room, then not finishing
      // (Input after Z_FINISH breaks zlib's contract: zlib takes it while
      // its last block is not out, this answers Z_BUF_ERROR.)
      {{Call::kDeflate, Z_FINISH, 0, 20000}, end},                           // an empty stream
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    BOOST_TEST_CONTEXT("case " << i) { BOOST_TEST(Answers(false, cases[i]) == Answers(true, cases[i]), boost::test_tools::per_element()); }
  }
}

BOOST_AUTO_TEST_CASE(ZlibsOwnStreamsAreNotTaken) {
  // A stream zlib started (here the test's own zlib: the binary's shim is
  // not linked into the tests) is not one of these.
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  BOOST_TEST(!IsBufferedDeflate(&z));
  deflateEnd(&z);
  BOOST_TEST(!IsBufferedDeflate(nullptr));
}

BOOST_AUTO_TEST_CASE(StreamsOnManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (unsigned t = 0; t < good.size(); ++t) {
    threads.emplace_back([&good, t] {
      for (unsigned round = 0; round < 20; ++round) {
        const std::vector<uint8_t> input = Sample(20000 + 1000 * round, t * 100 + round);
        z_stream z{};
        if (BufferedDeflateInit(&z, 6) != Z_OK) return;
        std::vector<uint8_t> out(compressBound(static_cast<uLong>(input.size())));
        z.next_in = const_cast<Bytef*>(input.data());
        z.avail_in = static_cast<uInt>(input.size());
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        if (BufferedDeflate(&z, Z_FINISH) != Z_STREAM_END || BufferedDeflateEnd(&z) != Z_OK) return;
        out.resize(z.total_out);
        std::vector<uint8_t> back(input.size());
        uLongf back_size = static_cast<uLongf>(back.size());
        if (uncompress(back.data(), &back_size, out.data(), static_cast<uLong>(out.size())) == Z_OK && back == input)
          ++good[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const int g : good) BOOST_TEST(g == 20);
}

BOOST_AUTO_TEST_SUITE_END()
