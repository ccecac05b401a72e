// Templates: the page templates of templates/ (Mustache, rendered with
// kainjow::mustache) and the static assets shipped beside them. Files are read
// at run time from RenderOptions::templates_dir, so a course can restyle its
// pages without rebuilding the tool. Every {{value}} is HTML-escaped by the
// library; only fragments this program produced itself (rendered Markdown,
// the player's JSON) are inserted raw with {{{ }}}.
#pragma once

#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "messages/messages.h"
#include "site/lesson_outputs.h"

namespace cl {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// TemplateData::set and push_back copy the whole value they are given, and
// a list copies its items as it grows: a lesson page's number tables were
// copied a dozen times over, most of the time its page took. These move a
// value in instead.
void SetMoved(TemplateData* data, const std::string& name, TemplateData&& value);
void SetMoved(TemplateData* data, const std::string& name, TemplateList&& items);
// Appends `item` to `list`, moved; when the list is full its items are moved
// to a larger one (push_back copies them: TemplateData's move is not
// noexcept). For lists whose count is not known ahead (else reserve).
void PushMoved(TemplateList* list, TemplateData&& item);

// The folder the page templates come from: options.templates_dir, or the
// source tree's templates/ when it is empty (CONVLESSON_SOURCE_DIR/templates).
std::string ResolveTemplatesDir(const RenderOptions& options);

class TemplateSet {
 public:
  // Reads every "*.mustache" file of `dir`. A file whose name starts with '_'
  // is a partial, used as {{> _name}}. False with *error when the folder or a
  // file cannot be read.
  bool Load(const std::string& dir, std::string* error);

  // Renders template `name` ("lesson" for lesson.mustache; a partial such as
  // "_table" on its own, for tests) with `data`.
  // False with *error naming the template when it is missing or malformed.
  bool Render(const std::string& name, const TemplateData& data, std::string* out, std::string* error) const;

  // The text of a non-template file of the folder (player.js, style.css).
  bool ReadAsset(const std::string& file_name, std::string* out, std::string* error) const;

 private:
  std::string dir_;
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::string> partials_;
};

// Text as HTML: & < > " ' escaped, as the templates escape {{value}}.
std::string EscapeHtml(std::string_view text);

// Messages whose key starts with this are the templates' fixed words, set
// under their own names: {{page_walkthrough}}, {{page_play}}, ...
inline constexpr std::string_view kPageTextPrefix = "page_";

// Sets every page_ message of `m` and `keys_hint_html` (the player's keyboard
// hint with its keys in <kbd>) on `data`.
void SetPageText(const Messages& m, TemplateData* data);

// What every page shows of the course file: `lang` (the <html> element's
// language), `course_title` (the site name), the templates' words in the
// course's language (SetPageText) and, when the course names an author or a
// licence, `has_credits` and `credits` for the footer.
void SetCourseChrome(const Course& course, TemplateData* data);

}  // namespace cl
