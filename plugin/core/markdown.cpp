// Thin RAII wrapper over cmark_markdown_to_html (the returned buffer is malloc'ed by cmark).
// Safe mode replaces raw HTML blocks and inline HTML with comments and drops unsafe URLs.
#include "plugin/core/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace placette::core {

std::string MarkdownToSafeHtml(std::string_view markdown) {
    struct Free {
        void operator()(char* p) const noexcept { std::free(p); }
    };
    std::unique_ptr<char, Free> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_SAFE | CMARK_OPT_SMART));
    return html ? std::string(html.get()) : std::string();
}

}  // namespace placette::core
