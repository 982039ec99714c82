// Markdown to HTML through cmark in safe mode: raw HTML and dangerous link schemes
// (javascript:, vbscript:, file:, most data:) never reach the page.
#pragma once

#include <string>
#include <string_view>

namespace placette::core {

// CommonMark rendered with CMARK_OPT_SAFE; the result may be inserted unescaped in a template.
std::string MarkdownToSafeHtml(std::string_view markdown);

}  // namespace placette::core
