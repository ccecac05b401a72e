#include "site/markdown.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <cmark.h>

#include "base/ascii.h"

namespace cl {
namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CFree {
  void operator()(char* p) const { std::free(p); }
};

// Images inlined from a data: URL load nothing; every other image would be a
// request to a file the build never copied or to the network. Only the data:
// images cmark's safe mode keeps count (it empties the rest, leaving a broken
// <img src="">); like cmark, the scheme and type are matched in any case.
bool IsSelfContainedImage(const char* url) {
  if (url == nullptr) return false;
  const std::string prefix = AsciiLower(std::string_view(url).substr(0, 16));
  for (std::string_view kept : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (prefix.starts_with(kept)) return true;
  return false;
}

// Replaces an image node by a link to the same URL whose text is the image's
// alt text (its children), so the reader can still follow it.
void ImageToLink(cmark_node* image) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  cmark_node_set_url(link, cmark_node_get_url(image));
  cmark_node_set_title(link, cmark_node_get_title(image));
  while (cmark_node* child = cmark_node_first_child(image)) {
    cmark_node_unlink(child);
    cmark_node_append_child(link, child);
  }
  if (cmark_node_first_child(link) == nullptr) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, "image");
    cmark_node_append_child(link, text);
  }
  cmark_node_replace(image, link);
  cmark_node_free(image);
}

// cmark writes XHTML-style void elements (<hr />, <br />, <img ... />); the
// pages are HTML, whose style (and html-validate's void-style rule) omits the
// slash. " />" only ever ends one of those tags: cmark escapes '<' and '>' in
// text and attribute values.
std::string WithoutSelfClosingTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 3, " />") == 0) {
      out += '>';
      i += 2;
    } else {
      out += html[i];
    }
  }
  return out;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown, int heading_offset) {
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!doc) return {};

  std::vector<cmark_node*> images;
  {
    std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(it.get());
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
          cmark_node_set_heading_level(node, std::clamp(cmark_node_get_heading_level(node) + heading_offset, 1, 6));
          break;
        case CMARK_NODE_IMAGE:
          if (!IsSelfContainedImage(cmark_node_get_url(node))) images.push_back(node);
          break;
        default:
          break;
      }
    }
  }
  // Replaced after the walk: the iterator must not see a tree that changes under it.
  for (cmark_node* image : images) ImageToLink(image);

  // CMARK_OPT_DEFAULT is safe mode: raw HTML becomes a comment and unsafe URLs are emptied.
  std::unique_ptr<char, CFree> html(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT));
  return html ? WithoutSelfClosingTags(html.get()) : std::string();
}

}  // namespace cl
