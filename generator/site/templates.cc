#include "site/templates.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace cl {
namespace {

namespace fs = std::filesystem;

// Templates and assets are a few kilobytes; a limit keeps a wrong folder
// (someone's home directory) from being slurped into memory.
constexpr std::uintmax_t kMaxTemplateBytes = 4u << 20;

bool ReadSmallFile(const fs::path& path, std::string* out, std::string* error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    *error = "cannot read " + path.string() + ": " + ec.message();
    return false;
  }
  if (size > kMaxTemplateBytes) {
    *error = "template file too large: " + path.string();
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) {
    *error = "cannot read " + path.string();
    return false;
  }
  *out = ss.str();
  return true;
}

}  // namespace

std::string ResolveTemplatesDir(const RenderOptions& options) {
  if (!options.templates_dir.empty()) return options.templates_dir;
#ifdef CONVLESSON_SOURCE_DIR
  return std::string(CONVLESSON_SOURCE_DIR) + "/templates";
#else
  return "templates";
#endif
}

bool TemplateSet::Load(const std::string& dir, std::string* error) {
  dir_ = dir;
  templates_.clear();
  partials_.clear();
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    *error = "cannot open templates folder " + dir + ": " + ec.message();
    return false;
  }
  for (const auto& entry : it) {
    const fs::path& p = entry.path();
    if (p.extension() != ".mustache" || !entry.is_regular_file(ec)) continue;
    std::string text;
    if (!ReadSmallFile(p, &text, error)) return false;
    std::string stem = p.stem().string();
    (stem.starts_with('_') ? partials_ : templates_)[stem] = std::move(text);
  }
  return true;
}

bool TemplateSet::Render(const std::string& name, const TemplateData& data, std::string* out,
                         std::string* error) const {
  const auto& pool = name.starts_with('_') ? partials_ : templates_;
  auto found = pool.find(name);
  if (found == pool.end()) {
    *error = "template " + name + ".mustache not found in " + dir_;
    return false;
  }
  kainjow::mustache::mustache tmpl(found->second);
  if (!tmpl.is_valid()) {
    *error = name + ".mustache: " + tmpl.error_message();
    return false;
  }
  // Partials are looked up through the context stack: they ride in a frame
  // of their own '_' names over the data's (which they win over, as when
  // they were set on a copy of the data: that copy was a third of a
  // photograph's page time).
  kainjow::mustache::data partials{kainjow::mustache::data::type::object};
  for (const auto& partial : partials_) {
    const std::string& text = partial.second;  // (clang cannot capture a structured binding)
    partials.set(partial.first, kainjow::mustache::partial([&text] { return text; }));
  }
  kainjow::mustache::context<std::string> context{&data};
  context.push(&partials);
  *out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    *error = name + ".mustache: " + tmpl.error_message();
    return false;
  }
  return true;
}

bool TemplateSet::ReadAsset(const std::string& file_name, std::string* out, std::string* error) const {
  return ReadSmallFile(fs::path(dir_) / file_name, out, error);
}

void SetMoved(TemplateData* data, const std::string& name, TemplateData&& value) {
  data->set(name, TemplateData(false));  // a placeholder, then the value moved over it
  // get() gives only const access, but the value it points at is ours.
  if (const TemplateData* placed = data->get(name)) *const_cast<TemplateData*>(placed) = std::move(value);
}

void PushMoved(TemplateList* list, TemplateData&& item) {
  if (list->size() == list->capacity()) {
    TemplateList larger;
    larger.reserve(std::max<std::size_t>(4, 2 * list->size()));
    for (TemplateData& old : *list) larger.emplace_back(std::move(old));  // room for each: moved, not copied
    list->swap(larger);
  }
  list->emplace_back(std::move(item));
}

void SetMoved(TemplateData* data, const std::string& name, TemplateList&& items) {
  TemplateData list(TemplateData::type::list);
  const_cast<TemplateList&>(list.list_value()) = std::move(items);  // `list` is ours: its items moved in
  SetMoved(data, name, std::move(list));
}

std::string EscapeHtml(std::string_view text) { return kainjow::mustache::html_escape<std::string>(std::string(text)); }

void SetPageText(const Messages& m, TemplateData* data) {
  for (std::size_t i = 0; i < MessageKeyCount(); ++i) {
    const Msg key = static_cast<Msg>(i);
    const std::string_view name = MessageKeyName(key);
    if (name.starts_with(kPageTextPrefix) && !m.IsPlural(key)) data->set(std::string(name), m.Text(key));
  }
  const auto kbd = [&m](Msg key) { return "<kbd>" + EscapeHtml(m.Text(key)) + "</kbd>"; };
  data->set("keys_hint_html", m.TextWith(Msg::keys_hint,
                                         {{"space", kbd(Msg::key_space)},
                                          {"left", "<kbd>\u2190</kbd>"},
                                          {"right", "<kbd>\u2192</kbd>"},
                                          {"home", kbd(Msg::key_home)},
                                          {"end", kbd(Msg::key_end)}},
                                         EscapeHtml));
}

void SetCourseChrome(const Course& course, TemplateData* data) {
  const Messages& m = MessagesFor(course.language);
  data->set("lang", course.language);
  data->set("course_title", course.title);
  SetPageText(m, data);
  std::string credits;
  if (!course.author.empty()) credits = m.Text(Msg::credits_author, {{"author", course.author}});
  if (!course.licence.empty())
    credits += (credits.empty() ? "" : " ") + m.Text(Msg::credits_licence, {{"licence", course.licence}});
  data->set("has_credits", !credits.empty());
  data->set("credits", credits);
}

}  // namespace cl
