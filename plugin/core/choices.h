// Lists of choices a webmaster configures (categories, neighbourhoods): "code:Label; code2" in
// the INI, shown through the catalogs when a translation exists, else with the given label.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <string_view>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/i18n.h"

namespace placette::core {

struct Choice {
    std::string code;   // ASCII letters, digits, '-' and '_' only
    std::string label;  // the configured label, or the code when none was given
};

// Parses "code:Label; code2:Label 2; code3" (`;` or `,` separated, spaces trimmed). Throws
// ConfigError naming `origin` for an empty list, a bad code or a repeated code.
std::vector<Choice> ParseChoices(std::string_view text, std::string_view origin);

// [section] key, else [fallback_section] key (may be empty), else `def`.
std::vector<Choice> ChoicesFromConfig(const Ini& ini, std::string_view section,
                                      std::string_view key, std::string_view fallback_section,
                                      std::string_view def);

bool HasChoice(const std::vector<Choice>& choices, std::string_view code);

// The translation of `<key_prefix><code>` when the catalog has it, else the configured label.
std::string ChoiceLabel(const I18n& i18n, std::string_view lang, const std::vector<Choice>& choices,
                        std::string_view key_prefix, std::string_view code);

// One `section` dictionary per (code, label) option with CODE, LABEL and, for the one equal to
// `selected`, the section SELECTED (for <option selected> or a checked radio button).
void AddOptions(ctemplate::TemplateDictionary& d, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                std::string_view selected);

}  // namespace placette::core
