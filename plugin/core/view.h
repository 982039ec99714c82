// Server-side rendering with ctemplate. Every template of the theme is loaded, checked and
// translated at start-up (one copy per language, `[[t:key]]` replaced by the catalog's text),
// so a broken template stops the process instead of failing a request.
#pragma once

#include <ctemplate/template.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "plugin/core/i18n.h"

namespace placette::core {

struct TemplateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A template variable or section name for SetValue, ShowSection, AddSectionDictionary…, written
// Tk<"NAME">(). ctemplate looks a plain name up in its process-wide name table, under a lock, on
// every call; a name made here carries its id, computed once per name and process (as ctemplate's
// own STS_INIT does at start-up), so a page's hundreds of SetValue calls hash nothing.
template <std::size_t N>
struct TkName {
    char text[N];
    constexpr TkName(const char (&s)[N]) {
        std::copy_n(s, N, text);
    }  // NOLINT: implicit on purpose
};

template <TkName Name>
ctemplate::TemplateString Tk() {
    static const ctemplate::StaticTemplateString key{{Name.text, sizeof(Name.text) - 1, 0}};
    static const ctemplate::StaticTemplateStringInitializer init(&key);
    return ctemplate::TemplateString(key);
}

// ctemplate's SetIntValue without its snprintf: the digits by std::to_chars.
inline void SetInt(ctemplate::TemplateDictionary& dict, const ctemplate::TemplateString& name,
                   long value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    dict.SetValue(name, ctemplate::TemplateString(digits, static_cast<std::size_t>(end - digits)));
}

// The data of one page: the layout's dictionary and the body's include dictionary. Values set
// with Global() are seen by both.
class Page {
  public:
    explicit Page(std::string body_template);
    ctemplate::TemplateDictionary& layout() { return *root_; }
    ctemplate::TemplateDictionary& body() { return *body_; }
    void Global(const ctemplate::TemplateString& name, std::string_view value);  // Tk<"NAME">()
    const std::string& body_template() const { return body_template_; }
    // Shows `html` as the body instead of expanding the body template: `html` is what
    // View::RenderBody gave for a page of the same template and data (e.g. kept in a BodyMemo),
    // so the page's bytes are the same. Values set on body() are then ignored.
    void UseRenderedBody(std::shared_ptr<const std::string> html);

  private:
    std::string body_template_;
    std::shared_ptr<const std::string> rendered_body_;  // kept alive for the render (no copy)
    std::unique_ptr<ctemplate::TemplateDictionary> root_;
    ctemplate::TemplateDictionary* body_;  // owned by *root_
};

class View {
  public:
    // Loads every *.tpl below theme_dir (skipping static/ and lang/). Throws TemplateError when a
    // template lacks `{{%AUTOESCAPE context="..."}}` on its first line, does not parse, or uses
    // a `[[t:key]]` missing from the catalogs.
    View(const std::string& theme_dir, const I18n& i18n);
    ~View();

    // Renders layout.tpl with the page's body template in `lang`. Throws TemplateError.
    std::string Render(std::string_view lang, Page& page) const;
    // Renders only the page's body template with its dictionary (and the page's globals), as
    // Render would within the layout: for Page::UseRenderedBody.
    std::string RenderBody(std::string_view lang, Page& page) const;
    // The built-in template that shows a rendered body (not a theme file).
    static constexpr std::string_view kRenderedBody = "placette:rendered-body";
    // Renders one template on its own (e-mails, fragments).
    std::string RenderAlone(std::string_view lang, std::string_view name,
                            const ctemplate::TemplateDictionary& dict) const;
    std::size_t template_count() const { return count_; }

    // Replaces `[[t:key]]` markers with the HTML-escaped translation; throws TemplateError on an
    // unknown key. Public for tests.
    static std::string Translate(std::string_view source, std::string_view lang, const I18n& i18n,
                                 std::string_view origin);
    // True when the first line is an AUTOESCAPE pragma.
    static bool HasAutoescapePragma(std::string_view source);

  private:
    std::unique_ptr<ctemplate::TemplateCache> cache_;
    std::size_t count_ = 0;
};

// HTML-escapes text (&, <, >, ", ').
std::string HtmlEscape(std::string_view in);

}  // namespace placette::core
