#include "document/markdown_blocks.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "base/ascii.h"

namespace cl::doc {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

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
  Converter(int heading_offset, std::vector<Block>* blocks) : offset_(heading_offset), blocks_(blocks) {}

  void Visit(cmark_event_type event, cmark_node* node) {
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE: enter ? Push({Container::Quote}) : Pop(); break;
      case CMARK_NODE_LIST: {
        if (!enter) {
          Pop();
          // The usual paragraph space after a list, even a tight one.
          if (!blocks_->empty()) {
            if (auto* last = std::get_if<Paragraph>(&blocks_->back())) last->compact = false;
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
          if (!marker_.empty()) EmitParagraph({});
          Pop();
        }
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (enter) {
          runs_.clear();
          plain_.clear();
        } else if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
          EmitParagraph(std::move(runs_));
        } else {
          Heading h;
          h.level = std::clamp(cmark_node_get_heading_level(node) + offset_, 3, 6);
          h.text = std::move(runs_);
          blocks_->push_back(std::move(h));
        }
        runs_.clear();
        break;
      case CMARK_NODE_CODE_BLOCK: {
        if (!marker_.empty()) EmitParagraph({});
        std::string text = Literal(node);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        blocks_->push_back(Code{std::move(text), Indent()});
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK: blocks_->push_back(Rule{}); break;
      case CMARK_NODE_TEXT: Add(Literal(node)); break;
      case CMARK_NODE_SOFTBREAK: Add(" "); break;
      case CMARK_NODE_LINEBREAK: Add("\n"); break;
      case CMARK_NODE_CODE: Add(Literal(node), /*mono=*/true); break;
      case CMARK_NODE_EMPH: emphasis_ += enter ? 1 : -1; break;
      case CMARK_NODE_STRONG: strong_ += enter ? 1 : -1; break;
      case CMARK_NODE_LINK:
        if (enter) {
          const char* url = cmark_node_get_url(node);
          links_.emplace_back(url ? url : "", plain_.size());
        } else if (!links_.empty()) {
          auto [url, start] = std::move(links_.back());
          links_.pop_back();
          const std::string text = plain_.substr(std::min(start, plain_.size()));
          if (PrintableUrl(url) && url != text && url != "mailto:" + text) {
            Add(" ");
            ++muted_;
            Add("(" + url + ")");
            --muted_;
          }
        }
        break;
      case CMARK_NODE_IMAGE:
        if (enter) {
          ++muted_;
          Add("[image: ");
        } else {
          Add("]");
          --muted_;
        }
        break;
      default: break;  // raw HTML (block and inline) is dropped, as on the page
    }
  }

 private:
  struct Container {
    enum Kind { Quote, List, Item } kind;
    bool ordered = false, paren = false, tight = false;
    int next = 1;
  };

  // `text` in the styles open around it: appended to the last run when that
  // has the same styles (cmark splits text at line ends and entities).
  void Add(std::string text, bool mono = false) {
    plain_ += text;
    Run run{std::move(text)};
    run.weight = strong_ > 0 ? Weight::Bold : Weight::Inherit;
    run.italic = emphasis_ > 0;
    run.mono = mono;
    run.tone = muted_ > 0 ? Tone::Muted : Tone::Inherit;
    if (!runs_.empty()) {
      Run& last = runs_.back();
      if (last.weight == run.weight && last.italic == run.italic && last.mono == run.mono && last.tone == run.tone) {
        last.text += run.text;
        return;
      }
    }
    runs_.push_back(std::move(run));
  }

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

  void EmitParagraph(Runs runs) {
    Paragraph p;
    p.text = std::move(runs);
    p.indent = Indent();
    p.marker = std::exchange(marker_, std::string());
    const bool quoted = std::any_of(stack_.begin(), stack_.end(), [](const Container& c) { return c.kind == Container::Quote; });
    if (quoted) p.style = ParagraphStyle::Quote;
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
  std::vector<Block>* blocks_;
  std::vector<Container> stack_;
  Runs runs_;
  std::string plain_, marker_;
  int strong_ = 0, emphasis_ = 0, muted_ = 0;
  std::vector<std::pair<std::string, size_t>> links_;
};

}  // namespace

void AppendMarkdownBlocks(std::string_view markdown, int heading_offset, std::vector<Block>* blocks) {
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
  if (!doc) return;
  Converter converter(heading_offset, blocks);
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    converter.Visit(ev, cmark_iter_get_node(it.get()));
  }
}

}  // namespace cl::doc
