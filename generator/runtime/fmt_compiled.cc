// fmt's compiled part, built into the binary from the fmt headers Debian's
// libfmt-dev installs, as fmt's own src/format.cc builds libfmt (Debian has
// no static libfmt): libfmt.so would load libstdc++.so, which the binary
// links statically (CONVLESSON_STATIC_LIBS, the top CMakeLists.txt: shared
// libraries cost milliseconds of every start). Without that option the
// binary links libfmt.so instead. A newer fmt whose compiled part differs
// fails to link here, loudly.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

// The explicit instantiations fmt 9's src/format.cc makes.
template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

#ifndef FMT_STATIC_THOUSANDS_SEPARATOR
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
#endif

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
template FMT_API void buffer<wchar_t>::append(const wchar_t*, const wchar_t*);

}  // namespace detail
FMT_END_NAMESPACE
