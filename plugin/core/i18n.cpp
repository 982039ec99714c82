// Catalog parsing and language negotiation.
#include "plugin/core/i18n.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plugin/core/config.h"

namespace placette::core {

namespace {
std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

I18n::Catalog ParseCatalog(std::string_view text) {
    I18n::Catalog out;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = Trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        std::string key(Trim(line.substr(0, eq)));
        if (!out.emplace(key, std::string(Trim(line.substr(eq + 1)))).second) {
            throw ConfigError("language catalogs define the key " + key + " twice");
        }
    }
    return out;
}

std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("cannot read language catalog " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

I18n I18n::FromText(std::string_view fr, std::string_view en) {
    I18n i;
    i.catalogs_["fr"] = ParseCatalog(fr);
    i.catalogs_["en"] = ParseCatalog(en);
    for (const auto& [a, b] : {std::pair{"fr", "en"}, std::pair{"en", "fr"}}) {
        for (const auto& [key, value] : i.catalogs_[a]) {
            if (!i.catalogs_[b].count(key)) {
                throw ConfigError(std::string("language catalog ") + b + " lacks the key " + key);
            }
        }
    }
    return i;
}

I18n I18n::Load(const std::string& lang_dir) {
    // One file per part of the site and language: core.fr.ini, crowdfunding.en.ini, ...
    std::map<std::string, std::string> text;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(lang_dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::string name = path.filename().string();
        for (const char* lang : kLanguages) {
            std::string suffix = std::string(".") + lang + ".ini";
            if (name.size() > suffix.size() && name.ends_with(suffix)) {
                text[lang] += Slurp(path.string());
                text[lang] += '\n';
            }
        }
    }
    if (text["fr"].empty()) throw ConfigError("no language catalogs (*.fr.ini) in " + lang_dir);
    return FromText(text["fr"], text["en"]);
}

const std::string& I18n::T(std::string_view lang, std::string_view key) const {
    static const std::string kMissing = "?";
    auto c = catalogs_.find(lang);
    if (c == catalogs_.end()) c = catalogs_.find("fr");
    if (c == catalogs_.end()) return kMissing;
    auto it = c->second.find(key);
    if (it == c->second.end()) {
        thread_local std::string fallback;
        fallback = std::string(key);
        return fallback;
    }
    return it->second;
}

bool I18n::Has(std::string_view lang, std::string_view key) const {
    return Find(lang, key) != nullptr;
}

const std::string* I18n::Find(std::string_view lang, std::string_view key) const {
    auto c = catalogs_.find(lang);
    if (c == catalogs_.end()) return nullptr;
    auto it = c->second.find(key);
    return it == c->second.end() ? nullptr : &it->second;
}

std::string I18n::Format(std::string_view lang, std::string_view key, Args args) const {
    const std::string& text = T(lang, key);
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos);
        if (open == std::string::npos) break;
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string_view name(text.data() + open + 1, close - open - 1);
        const Arg* found = nullptr;
        for (const Arg& a : args) {
            if (a.name == name) {
                found = &a;
                break;
            }
        }
        if (found == nullptr) {  // not a placeholder of this call: the brace stays as written
            out.append(text, pos, open + 1 - pos);
            pos = open + 1;
            continue;
        }
        out.append(text, pos, open - pos);
        out.append(found->value);
        pos = close + 1;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

std::string I18n::Pick(std::string_view cookie, std::string_view accept,
                       std::string_view fallback) {
    if (cookie == "fr" || cookie == "en") return std::string(cookie);
    std::string best;
    int best_q = -1;
    while (!accept.empty()) {
        std::size_t comma = accept.find(',');
        std::string_view item = Trim(accept.substr(0, comma));
        accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
        std::size_t semi = item.find(';');
        std::string_view tag = Trim(item.substr(0, semi));
        int q = 1000;
        if (semi != std::string_view::npos) {
            std::string_view params = Trim(item.substr(semi + 1));
            if (params.substr(0, 2) == "q=") {
                std::string_view num = params.substr(2);
                q = num.substr(0, 1) == "1" ? 1000 : 0;
                if (num.size() > 2 && num[0] == '0' && num[1] == '.') {
                    int frac = 0;
                    std::string digits(num.substr(2, 3));
                    while (digits.size() < 3) digits += '0';
                    std::from_chars(digits.data(), digits.data() + digits.size(), frac);
                    q = frac;
                }
            }
        }
        std::string_view primary = tag.substr(0, tag.find('-'));
        std::string lang;
        if (primary == "fr" || primary == "FR") lang = "fr";
        if (primary == "en" || primary == "EN") lang = "en";
        if (!lang.empty() && q > best_q && q > 0) {
            best = lang;
            best_q = q;
        }
    }
    return best.empty() ? std::string(fallback) : best;
}

}  // namespace placette::core
