// Parsing of configured choice lists and their display labels.
#include "plugin/core/choices.h"

#include <set>

#include "plugin/core/view.h"

namespace placette::core {

namespace {
std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool ValidCode(std::string_view code) {
    if (code.empty() || code.size() > 64) return false;
    for (char c : code) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}
}  // namespace

std::vector<Choice> ParseChoices(std::string_view text, std::string_view origin) {
    std::vector<Choice> out;
    std::set<std::string, std::less<>> seen;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of(";,", pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view item = Trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (item.empty()) continue;
        std::size_t colon = item.find(':');
        std::string_view code = Trim(item.substr(0, colon));
        std::string_view label =
            colon == std::string_view::npos ? code : Trim(item.substr(colon + 1));
        if (!ValidCode(code)) {
            throw ConfigError(std::string(origin) + ": bad code '" + std::string(code) +
                              "' (letters, digits, - and _ only)");
        }
        if (!seen.insert(std::string(code)).second) {
            throw ConfigError(std::string(origin) + ": code '" + std::string(code) +
                              "' given twice");
        }
        out.push_back(Choice{std::string(code), std::string(label.empty() ? code : label)});
    }
    if (out.empty()) throw ConfigError(std::string(origin) + ": the list is empty");
    return out;
}

std::vector<Choice> ChoicesFromConfig(const Ini& ini, std::string_view section,
                                      std::string_view key, std::string_view fallback_section,
                                      std::string_view def) {
    std::string origin = std::string(section) + "." + std::string(key);
    if (auto v = ini.Get(section, key)) return ParseChoices(*v, origin);
    if (!fallback_section.empty()) {
        if (auto v = ini.Get(fallback_section, key)) {
            return ParseChoices(*v, std::string(fallback_section) + "." + std::string(key));
        }
    }
    return ParseChoices(def, origin);
}

bool HasChoice(const std::vector<Choice>& choices, std::string_view code) {
    for (const Choice& c : choices) {
        if (c.code == code) return true;
    }
    return false;
}

std::string ChoiceLabel(const I18n& i18n, std::string_view lang, const std::vector<Choice>& choices,
                        std::string_view key_prefix, std::string_view code) {
    std::string key = std::string(key_prefix) + std::string(code);
    if (i18n.Has(lang, key)) return i18n.T(lang, key);
    for (const Choice& c : choices) {
        if (c.code == code) return c.label;
    }
    return std::string(code);
}

void AddOptions(ctemplate::TemplateDictionary& d, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                std::string_view selected) {
    for (const auto& [code, label] : options) {
        auto* o = d.AddSectionDictionary(section);
        o->SetValue(core::Tk<"CODE">(), code);
        o->SetValue(core::Tk<"LABEL">(), label);
        if (code == selected) o->ShowSection(core::Tk<"SELECTED">());
    }
}

}  // namespace placette::core
