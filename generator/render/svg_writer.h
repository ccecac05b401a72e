// SVG writer: a Scene as a clean SVG 1.1 document of our own making. The
// document names itself (<title>, <desc>, role="img", aria-labelledby), has no
// external references, escapes every text, and prefixes every id with the
// caller's prefix so that many frames inlined in one page never collide.
// Numbers are written through one stable formatter, so equal scenes give
// byte-identical files.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "scene/scene.h"

namespace cl {

struct SvgOptions {
  // Start with <?xml ...?> (a file on its own). Off for SVG inlined in HTML.
  bool xml_declaration = true;
  // The same frame drawn for a dark page (scene/dark_scene.h: the same items,
  // other colours). When given, every element keeps its light colours as
  // attributes and gains a class whose colour a
  // `@media (prefers-color-scheme: dark)` rule in the document's <style>
  // sets instead, so the frame follows the reader's scheme with no script.
  // Ignored unless its items match the scene's one for one.
  const Scene* dark = nullptr;
};

// The whole document. `id_prefix` should be unique per frame in a page, e.g.
// "vertical-edge-003-" (see FrameIdPrefix in site/output_paths.h). Only
// [A-Za-z0-9_-] are kept, and an "f" goes in front of a prefix that does not
// start with a letter or '_', so every id is a valid XML name. Ids written:
// <prefix>title, <prefix>desc and <prefix><group id> for each scene group.
std::string WriteSvg(const Scene& scene, std::string_view id_prefix, const SvgOptions& options = {});
// The same document given to `write` in a few pieces, never joined (a frame
// written straight to its file). False when `write` fails.
bool WriteSvgTo(const Scene& scene, std::string_view id_prefix, const SvgOptions& options, const PieceWriter& write);

// Only the drawing: the elements that go inside <svg> (background included,
// no title/desc), for writers that compose several scenes in one document
// (the animated SVG). Same id prefixing as WriteSvg.
std::string WriteSvgBody(const Scene& scene, std::string_view id_prefix);
// The elements of `items` alone, without the background: a part of a scene,
// written where it lies (no copy of its items).
std::string WriteSvgItems(std::span<const SceneItem> items, std::string_view id_prefix);

// What an SVG file on its own starts with.
inline constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// The start of every SVG document convlesson writes, after any XML
// declaration: the root <svg> start tag (size and viewBox, role="img"
// labelled by the title and desc, the frames' font with kerning off, as the
// layout measured text), then <title> and <desc>. `prefix` is used as given
// for the ids <prefix>title and <prefix>desc; the caller closes </svg>. The
// viewBox is width x height units; the displayed size is `scale` times that.
std::string SvgDocumentStart(double width, double height, std::string_view prefix, std::string_view title,
                             std::string_view desc, double scale = 1.0);

// `text` with &, <, >, " and ' replaced by entities; invalid UTF-8 bytes and
// control characters XML 1.0 forbids become U+FFFD.
std::string EscapeXml(std::string_view text);

// A coordinate or size as SVG text: FormatNumberRounded to 3 decimals ("12",
// "12.5", "0.333", never "-0"), and "0" for a non-finite value.
std::string SvgNumber(double value);

}  // namespace cl
