// Language catalogs (French default, English) loaded from the theme's lang/ folder (one
// NAME.fr.ini and NAME.en.ini per part of the site), and the
// choice of a request's language from a cookie, Accept-Language and the site default.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace placette::core {

class I18n {
  public:
    static constexpr const char* kLanguages[] = {"fr", "en"};

    // Reads every <lang_dir>/*.fr.ini and *.en.ini (`key = value` lines, `#` comments). Throws
    // ConfigError when none is found, a key is defined twice, or a key of one language is missing
    // in the other.
    static I18n Load(const std::string& lang_dir);
    static I18n FromText(std::string_view fr, std::string_view en);

    // The text for `key`, or the key itself when unknown (never throws).
    const std::string& T(std::string_view lang, std::string_view key) const;
    // One {name} placeholder's value; the views must outlive the call (temporaries in the
    // caller's braced list do).
    struct Arg {
        std::string_view name;
        std::string_view value;
    };
    using Args = std::initializer_list<Arg>;
    // T() with {name} placeholders replaced by args.
    std::string Format(std::string_view lang, std::string_view key, Args args) const;
    bool Has(std::string_view lang, std::string_view key) const;
    // The text for `key` in `lang`, or nullptr when that catalog lacks it.
    const std::string* Find(std::string_view lang, std::string_view key) const;

    // "en" or "fr" from the `placette_lang` cookie value, then Accept-Language (q-values
    // honoured), then `fallback`.
    static std::string Pick(std::string_view cookie, std::string_view accept_language,
                            std::string_view fallback);

    // One language's texts by key, looked up by string_view without a copy.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    using Catalog = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;

  private:
    std::map<std::string, Catalog, std::less<>> catalogs_;
};

}  // namespace placette::core
