// Template loading (pragma check, translation, parse) into a frozen per-process cache, and
// expansion of the layout with a page body.
#include "plugin/core/view.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace placette::core {

namespace fs = std::filesystem;

namespace {
constexpr ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw TemplateError("cannot read template " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

std::string HtmlEscape(std::string_view in) {
    std::string out;
    out.reserve(in.size() + 16);
    for (char c : in) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

Page::Page(std::string body_template)
    : body_template_(std::move(body_template)),
      root_(std::make_unique<ctemplate::TemplateDictionary>("page")),
      body_(root_->AddIncludeDictionary(core::Tk<"CONTENT">())) {}

void Page::UseRenderedBody(std::shared_ptr<const std::string> html) {
    rendered_body_ = std::move(html);
    body_template_ = View::kRenderedBody;
    body_->SetValueWithoutCopy(core::Tk<"HTML">(), ctemplate::TemplateString(*rendered_body_));
}

void Page::Global(const ctemplate::TemplateString& name, std::string_view value) {
    root_->SetTemplateGlobalValue(name, ctemplate::TemplateString(value.data(), value.size()));
}

bool View::HasAutoescapePragma(std::string_view source) {
    std::string_view first = source.substr(0, source.find('\n'));
    return first.rfind("{{%AUTOESCAPE context=\"", 0) == 0 &&
           first.find("\"}}") != std::string_view::npos;
}

std::string View::Translate(std::string_view src, std::string_view lang, const I18n& i18n,
                            std::string_view origin) {
    std::string out;
    out.reserve(src.size() + 256);
    std::size_t pos = 0;
    for (;;) {
        std::size_t open = src.find("[[t:", pos);
        if (open == std::string_view::npos) break;
        std::size_t close = src.find("]]", open);
        if (close == std::string_view::npos) {
            throw TemplateError(std::string(origin) + ": unclosed [[t: marker");
        }
        std::string_view key = src.substr(open + 4, close - open - 4);
        if (!i18n.Has(lang, key)) {
            throw TemplateError(std::string(origin) + ": unknown text key " + std::string(key) +
                                " for language " + std::string(lang));
        }
        out.append(src.substr(pos, open - pos));
        out += HtmlEscape(i18n.T(lang, key));
        pos = close + 2;
    }
    out.append(src.substr(pos));
    return out;
}

View::View(const std::string& theme_dir, const I18n& i18n)
    : cache_(std::make_unique<ctemplate::TemplateCache>()) {
    const fs::path root(theme_dir);
    if (!fs::is_directory(root)) throw TemplateError("theme folder not found: " + theme_dir);
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".tpl") continue;
        std::string rel = fs::relative(entry.path(), root).generic_string();
        if (rel.rfind("static/", 0) == 0 || rel.rfind("lang/", 0) == 0) continue;
        std::string source = Slurp(entry.path());
        if (!HasAutoescapePragma(source)) {
            throw TemplateError(rel + ": the first line must be {{%AUTOESCAPE context=\"HTML\"}}");
        }
        for (const char* lang : I18n::kLanguages) {
            std::string text = Translate(source, lang, i18n, rel);
            std::string key = std::string(lang) + "/" + rel;
            if (!cache_->StringToTemplateCache(key, text, kStrip)) {
                throw TemplateError(rel + ": template does not parse");
            }
        }
        ++count_;
    }
    if (count_ == 0) throw TemplateError("no templates in " + theme_dir);
    for (const char* lang : I18n::kLanguages) {
        const std::string key = std::string(lang) + "/" + std::string(kRenderedBody);
        if (!cache_->StringToTemplateCache(key, "{{%AUTOESCAPE context=\"HTML\"}}{{HTML:none}}",
                                           kStrip)) {
            throw TemplateError("the rendered-body template does not parse");
        }
    }
    cache_->Freeze();
}

View::~View() = default;

std::string View::Render(std::string_view lang, Page& page) const {
    std::string prefix = std::string(lang) + "/";
    page.body().SetFilename(prefix + page.body_template());
    std::string out;
    out.reserve(16 * 1024);
    if (!cache_->ExpandNoLoad(prefix + "layout.tpl", kStrip, &page.layout(), nullptr, &out)) {
        throw TemplateError("cannot expand " + page.body_template());
    }
    return out;
}

std::string View::RenderBody(std::string_view lang, Page& page) const {
    std::string out;
    out.reserve(12 * 1024);
    if (!cache_->ExpandNoLoad(std::string(lang) + "/" + page.body_template(), kStrip, &page.body(),
                              nullptr, &out)) {
        throw TemplateError("cannot expand " + page.body_template());
    }
    return out;
}

std::string View::RenderAlone(std::string_view lang, std::string_view name,
                              const ctemplate::TemplateDictionary& dict) const {
    std::string out;
    if (!cache_->ExpandNoLoad(std::string(lang) + "/" + std::string(name), kStrip, &dict, nullptr,
                              &out)) {
        throw TemplateError("cannot expand " + std::string(name));
    }
    return out;
}

}  // namespace placette::core
