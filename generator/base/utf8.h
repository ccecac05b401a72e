// UTF-8 decoding, in one place so that every stage agrees on what is valid
// text: the loader refusing a file, the layout measuring a label, and the
// SVG, PDF and Cairo writers repairing what they are given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cl {

// The length in bytes (1 to 4) of the well-formed UTF-8 sequence that starts
// at text[i], or 0 when the bytes there are not one: a stray continuation
// byte, a sequence cut short or broken, an overlong form, a surrogate or a
// value beyond U+10FFFF. When it is one and `code_point` is given, stores the
// decoded value there. Precondition: i < text.size().
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i, uint32_t* code_point = nullptr);

// The code point at text[*i], moving *i past its sequence. A malformed
// sequence gives U+FFFD (the replacement character) and moves *i one byte
// on; `*valid` says which happened when given. Precondition: *i < text.size().
uint32_t NextCodePoint(std::string_view text, std::size_t* i, bool* valid = nullptr);

}  // namespace cl
