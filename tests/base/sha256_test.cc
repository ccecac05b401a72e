// SHA-256 against the FIPS 180-4 / NIST example digests, and streaming in
// arbitrary pieces giving the same digest as one call.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/sha256.h"

namespace bdata = boost::unit_test::data;

namespace {

struct DigestCase {
  std::string input;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const DigestCase& c) { return os << c.input.size() << " bytes"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(Sha256Suite)

BOOST_DATA_TEST_CASE(
    KnownDigests,
    bdata::make(std::vector<DigestCase>{
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
        {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        // Lengths around the padding boundary (digests from Python's hashlib).
        {std::string(55, 'x'), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
        {std::string(63, 'x'), "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
        {std::string(64, 'x'), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"}}),
    c) {
  BOOST_TEST(cl::Sha256Hex(c.input) == c.want);
}

BOOST_AUTO_TEST_CASE(StreamingInPiecesMatchesOneCall) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>('a' + i % 26);
  for (size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u}) {
    cl::Sha256 h;
    for (size_t at = 0; at < text.size(); at += piece) h.Update(std::string_view(text).substr(at, piece));
    BOOST_TEST(h.Hex() == cl::Sha256Hex(text), "piece " << piece);
  }
}

BOOST_AUTO_TEST_CASE(FieldsAreLengthPrefixed) {
  cl::Sha256 a, b;
  a.UpdateField("ab");
  a.UpdateField("c");
  b.UpdateField("a");
  b.UpdateField("bc");
  BOOST_TEST(a.Hex() != b.Hex());
}

BOOST_AUTO_TEST_SUITE_END()
