#include "render/cairo_pdf_markdown.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "base/ascii.h"

namespace cl {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

constexpr const char* kMono = "<span font_family=\"DejaVu Sans Mono\">";
constexpr const char* kGrey = "<span foreground=\"#555555\">";

// Addresses worth printing: not script or local-file schemes.
bool PrintableUrl(std::string_view url) {
  const std::string lower = AsciiLower(url.substr(0, 16));
  for (std::string_view bad : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (lower.rfind(bad, 0) == 0) return false;
  }
  return !url.empty();
}

std::string Literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? s : "";
}

class Converter {
 public:
  Converter(int heading_offset, std::vector<PdfBlock>* blocks) : offset_(heading_offset), blocks_(blocks) {}

  void Visit(cmark_event_type event, cmark_node* node) {
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE: enter ? Push({Container::Quote}) : Pop(); break;
      case CMARK_NODE_LIST: {
        if (!enter) {
          Pop();
          // The usual paragraph space after a list, even a tight one.
          if (!blocks_->empty()) {
            if (auto* last = std::get_if<PdfParagraph>(&blocks_->back())) last->compact = false;
          }
          break;
        }
        Container list{Container::List};
        list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        list.next = cmark_node_get_list_start(node);
        list.paren = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM;
        list.tight = cmark_node_get_list_tight(node) != 0;
        Push(list);
        break;
      }
      case CMARK_NODE_ITEM:
        if (enter) {
          marker_ = NextMarker();
          Push({Container::Item});
        } else {
          if (!marker_.empty()) EmitParagraph("");
          Pop();
        }
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (enter) {
          markup_.clear();
          plain_.clear();
        } else if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
          EmitParagraph(markup_);
        } else {
          PdfHeading h;
          h.level = std::clamp(cmark_node_get_heading_level(node) + offset_, 3, 6);
          h.markup = markup_;
          blocks_->push_back(std::move(h));
        }
        break;
      case CMARK_NODE_CODE_BLOCK: {
        if (!marker_.empty()) EmitParagraph("");
        std::string text = Literal(node);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        blocks_->push_back(PdfCode{std::move(text), Indent()});
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK: blocks_->push_back(PdfRule{}); break;
      case CMARK_NODE_TEXT:
        markup_ += PdfEscape(Literal(node));
        plain_ += Literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
        markup_ += ' ';
        plain_ += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        markup_ += '\n';
        plain_ += '\n';
        break;
      case CMARK_NODE_CODE:
        markup_ += kMono + PdfEscape(Literal(node)) + "</span>";
        plain_ += Literal(node);
        break;
      case CMARK_NODE_EMPH: markup_ += enter ? "<i>" : "</i>"; break;
      case CMARK_NODE_STRONG: markup_ += enter ? "<b>" : "</b>"; break;
      case CMARK_NODE_LINK:
        if (enter) {
          const char* url = cmark_node_get_url(node);
          links_.emplace_back(url ? url : "", plain_.size());
        } else if (!links_.empty()) {
          auto [url, start] = std::move(links_.back());
          links_.pop_back();
          const std::string text = plain_.substr(std::min(start, plain_.size()));
          if (PrintableUrl(url) && url != text && url != "mailto:" + text) {
            markup_ += std::string(" ") + kGrey + "(" + PdfEscape(url) + ")</span>";
          }
        }
        break;
      case CMARK_NODE_IMAGE: markup_ += enter ? std::string(kGrey) + "[image: " : std::string("]</span>"); break;
      default: break;  // raw HTML (block and inline) is dropped, as on the page
    }
  }

 private:
  struct Container {
    enum Kind { Quote, List, Item } kind;
    bool ordered = false, paren = false, tight = false;
    int next = 1;
  };

  void Push(Container c) { stack_.push_back(c); }
  void Pop() {
    if (!stack_.empty()) stack_.pop_back();
  }

  int Indent() const {
    return static_cast<int>(std::count_if(stack_.begin(), stack_.end(),
                                           [](const Container& c) { return c.kind != Container::List; }));
  }

  std::string NextMarker() {
    int depth = 0;
    Container* list = nullptr;
    for (auto& c : stack_) {
      if (c.kind == Container::List) {
        ++depth;
        list = &c;
      }
    }
    if (list == nullptr) return "\u2022";
    if (list->ordered) return std::to_string(list->next++) + (list->paren ? ")" : ".");
    static const char* const kBullets[] = {"\u2022", "\u25e6", "\u25aa"};
    return kBullets[(depth - 1) % 3];
  }

  void EmitParagraph(const std::string& markup) {
    PdfParagraph p;
    p.markup = markup;
    p.indent = Indent();
    p.marker = std::exchange(marker_, std::string());
    const bool quoted = std::any_of(stack_.begin(), stack_.end(), [](const Container& c) { return c.kind == Container::Quote; });
    if (quoted) p.style = PdfParagraphStyle::Quote;
    // A paragraph directly in an item of a tight list.
    for (size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].kind == Container::List) {
        p.compact = stack_[i].tight;
        break;
      }
      if (stack_[i].kind == Container::Quote) break;
    }
    blocks_->push_back(std::move(p));
  }

  int offset_;
  std::vector<PdfBlock>* blocks_;
  std::vector<Container> stack_;
  std::string markup_, plain_, marker_;
  std::vector<std::pair<std::string, size_t>> links_;
};

}  // namespace

void AppendMarkdownBlocks(std::string_view markdown, int heading_offset, std::vector<PdfBlock>* blocks) {
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
  if (!doc) return;
  Converter converter(heading_offset, blocks);
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    converter.Visit(ev, cmark_iter_get_node(it.get()));
  }
}

}  // namespace cl
