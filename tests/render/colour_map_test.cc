// ColourMap (render/colour_map.h): a byte per 24-bit colour, as the PNG and
// GIF encoders look their frames' colours up.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <map>

#include "render/colour_map.h"

BOOST_AUTO_TEST_CASE(ColourMapHoldsAByteForEachColourAsAMapWould) {
  cl::ColourMap map;
  BOOST_TEST(map.Find(0x123456u) == -1);  // empty
  std::map<uint32_t, uint8_t> want;
  // 100000 colours (the table grows from 64 slots many times), some set twice;
  // their neighbours in the hash order collide and probe.
  for (uint32_t i = 0; i < 100000; ++i) {
    const uint32_t colour = (i * 2654435761u) & 0xFFFFFFu;
    const auto value = static_cast<uint8_t>(i * 7);
    map.Set(colour, value);
    want[colour] = value;
    if (i % 3 == 0) {
      map.Set(colour, static_cast<uint8_t>(value + 1));
      want[colour] = static_cast<uint8_t>(value + 1);
    }
  }
  BOOST_TEST(map.size() == want.size());
  for (const auto& [colour, value] : want) BOOST_TEST_REQUIRE(map.Find(colour) == value);
  BOOST_TEST(map.Find(0xFF000000u | want.begin()->first) == want.begin()->second);  // the top byte is not the colour's
  int absent = 0;
  for (uint32_t c = 0; c < 0x1000000u && absent < 1000; c += 4099) {
    if (want.count(c)) continue;
    BOOST_TEST_REQUIRE(map.Find(c) == -1);
    ++absent;
  }
  BOOST_TEST(absent == 1000);
  map.Clear();
  BOOST_TEST(map.size() == 0u);
  BOOST_TEST(map.Find(want.begin()->first) == -1);
  map.Reserve(1000);
  map.Set(0u, 9);  // black is a colour like any other (the empty mark has a top byte)
  BOOST_TEST(map.Find(0u) == 9);
}
