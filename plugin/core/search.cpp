// Search words, their FULLTEXT query, the word-start patterns that mimic it (letter classes taken
// from utf8mb4_unicode_ci's own equalities), and stage 1 of the two-stage search.
#include "plugin/core/search.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "plugin/core/text.h"

namespace placette::core {

namespace {

// One code point at `i` of valid or invalid UTF-8; `len` 0 when invalid (then one byte is taken).
char32_t Decode(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        len = 0;
        return 0;
    }
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) {
            len = 0;
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    return cp;
}

// Non-ASCII code points that separate words: Latin-1 punctuation and symbols (« » ° nbsp …),
// × ÷, general punctuation (’ “ ” – — …), arrows, maths and other symbols, CJK punctuation,
// emoji.
bool Separator(char32_t cp) {
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0x1F000 && cp <= 0x1FAFF);
}

bool AsciiWord(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Every letter of U+00C0–U+024F that utf8mb4_unicode_ci holds equal to a…z (queried from
// MariaDB 10.11: CONVERT(CHAR(cp USING utf32) USING utf8mb4) = 'e' …). Letters it holds distinct
// (æ ø ð þ ł đ ß …) are not here; œ is handled apart (it equals "oe").
constexpr std::array<std::string_view, 26> kVariants = {
    "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧ",      // a
    "",                                      // b
    "ÇçĆćĈĉĊċČč",                            // c
    "Ďď",                                    // d
    "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ",              // e
    "",                                      // f
    "ĜĝĞğĠġĢģǦǧǴǵ",                          // g
    "ĤĥȞȟ",                                  // h
    "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋ",               // i
    "Ĵĵǰ",                                   // j
    "ĶķǨǩ",                                  // k
    "ĹĺĻļĽľ",                                // l
    "",                                      // m
    "ÑñŃńŅņŇňǸǹ",                            // n
    "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱ",  // o
    "",                                      // p
    "",                                      // q
    "ŔŕŖŗŘřȐȑȒȓ",                            // r
    "ŚśŜŝŞşŠšſȘș",                           // s
    "ŢţŤťȚț",                                // t
    "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗ",  // u
    "",                                      // v
    "Ŵŵ",                                    // w
    "",                                      // x
    "ÝýÿŶŷŸȲȳ",                              // y
    "ŹźŻżŽž",                                // z
};

constexpr char32_t kOeSmall = 0x153, kOeCapital = 0x152;  // œ Œ

// The base letter (a…z) of every code point of U+00C0–U+024F that kVariants lists, else 0:
// built once, so that folding a whole campaign text does not search kVariants per letter.
const std::array<char, 0x250 - 0xC0>& VariantTable() {
    static const std::array<char, 0x250 - 0xC0> table = [] {
        std::array<char, 0x250 - 0xC0> t{};
        for (std::size_t b = 0; b < kVariants.size(); ++b) {
            std::string_view v = kVariants[b];
            for (std::size_t i = 0, len = 0; i < v.size(); i += len) {
                t[Decode(v, i, len) - 0xC0] = static_cast<char>('a' + b);
            }
        }
        return t;
    }();
    return table;
}

// The base letter (a…z) or digit of `cp` when the pattern knows it, else 0; 'Q' stands for œ.
char Fold(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
        return AsciiWord(cp) ? static_cast<char>(cp) : 0;
    }
    if (cp == kOeSmall || cp == kOeCapital) return 'Q';
    if (cp >= 0xC0 && cp < 0x250) return VariantTable()[cp - 0xC0];
    return 0;
}

// Combining marks of the common blocks: a word's pattern lets them follow any letter (\p{M}*).
bool Mark(char32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0x302A && cp <= 0x302F) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// One letter as a class with its cases and accented forms, then any combining marks (a text in
// decomposed form: "e" + U+0301 is "é" for the collation).
std::string LetterClass(char base) {
    if (base >= '0' && base <= '9') return std::string(1, base);
    std::string out = "[";
    out += base;
    out += static_cast<char>(base - 'a' + 'A');
    out += kVariants[static_cast<std::size_t>(base - 'a')];
    return out + "]\\p{M}*";
}

// InnoDB's default stopwords of 3 letters or more: never indexed, so "+the*" finds "thé" but
// not "the", and "+with*" finds nothing; a word that could match one of them is left to MATCH.
constexpr std::array<std::string_view, 18> kStopwords = {
    "about", "are",  "com",  "for",   "from", "how",  "that", "the", "this",
    "was",   "what", "when", "where", "who",  "will", "with", "und", "www"};
}  // namespace

std::vector<std::string> SearchWords(std::string_view typed) {
    std::vector<std::string> words;
    std::string word;
    std::size_t letters = 0;
    auto flush = [&] {
        if (letters >= 3 && letters <= 84 && TextLength(word, false) && words.size() < 8)
            words.push_back(word);
        word.clear();
        letters = 0;
    };
    for (std::size_t i = 0, len = 0; i < typed.size(); i += len) {
        const char32_t cp = Decode(typed, i, len);
        if (len == 0) {  // invalid UTF-8: kept in the word, which TextLength then refuses
            len = 1;
            word += typed[i];
            ++letters;
        } else if (AsciiWord(cp) || (cp >= 0x80 && !Separator(cp))) {
            word.append(typed.substr(i, len));
            ++letters;
        } else {
            flush();
        }
    }
    flush();
    return words;
}

std::string FulltextQuery(std::string_view typed) {
    std::string out;
    for (const std::string& w : SearchWords(typed)) out += (out.empty() ? "+" : " +") + w + "*";
    return out;
}

std::optional<std::string> WordStartPattern(std::string_view word) {
    if (word.empty() || !TextLength(word, false)) return std::nullopt;
    std::string folded;  // base letters, œ as 'Q'
    for (std::size_t i = 0, len = 0; i < word.size(); i += len) {
        const char f = Fold(Decode(word, i, len));
        if (len == 0 || f == 0) return std::nullopt;
        folded += f;
    }
    std::string plain;  // œ spelt "oe", for the stopword check
    for (char f : folded) plain += f == 'Q' ? std::string("oe") : std::string(1, f);
    for (std::string_view stop : kStopwords) {
        if (stop.starts_with(plain)) return std::nullopt;
    }
    // œ equals "oe" both ways, and a prefix ending in "o" already finds "…œ…" (MATCH "+mano*"
    // finds "manœuvre").
    const std::string oe = "(?:[oO" + std::string(kVariants['o' - 'a']) + "]\\p{M}*[eE" +
                           std::string(kVariants['e' - 'a']) + "]\\p{M}*|[œŒ])";
    std::string out = "(?<![\\p{L}\\p{N}\\p{M}_])";
    for (std::size_t k = 0; k < folded.size(); ++k) {
        const bool last = k + 1 == folded.size();
        if (folded[k] == 'Q' || (folded[k] == 'o' && !last && folded[k + 1] == 'e')) {
            out += oe;
            if (folded[k] == 'o') ++k;
        } else if (folded[k] == 'o' && last) {
            out += "(?:" + LetterClass('o') + "|[œŒ])";
        } else {
            out += LetterClass(folded[k]);
        }
    }
    return out;
}

std::string FoldedWord(std::string_view word) {
    std::string out;
    for (std::size_t i = 0, len = 0; i < word.size(); i += len) {
        const char f = Fold(Decode(word, i, len));
        if (len == 0 || f == 0) return "";
        out += f == 'Q' ? std::string_view("oe") : std::string_view(&f, 1);
    }
    if (out.size() > kSearchTokenMax) out.resize(kSearchTokenMax);
    return out;
}

std::vector<std::string> SearchTokens(std::string_view text) {
    std::vector<std::string> tokens;
    // A segment runs between two characters no word pattern can cross or start after (ASCII
    // other than letters and digits, the separators); in it, letters fold to a…z/0…9 (œ to "oe"),
    // marks are skipped, and any other character is skipped too but may also start a word (it
    // may be a mark the pattern lets through, or a letter the pattern stops at).
    std::string folded;               // the segment so far, folded
    std::vector<std::size_t> starts;  // where a word may start in `folded`
    auto flush = [&] {
        for (std::size_t st : starts) {
            if (folded.size() - st >= 3)
                tokens.push_back(folded.substr(st, std::min(kSearchTokenMax, folded.size() - st)));
        }
        folded.clear();
        starts.assign(1, 0);
    };
    starts.assign(1, 0);
    for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
        char32_t cp = Decode(text, i, len);
        if (len == 0) {  // not UTF-8: skipped, a possible word start after it
            len = 1;
            if (starts.back() != folded.size()) starts.push_back(folded.size());
            continue;
        }
        if (cp == 0x212A) cp = 'k';  // KELVIN SIGN and ANGSTROM SIGN: caseless REGEXP takes them
        if (cp == 0x212B) cp = 'a';  // for k and å
        if (const char f = Fold(cp)) {
            folded += f == 'Q' ? std::string_view("oe") : std::string_view(&f, 1);
        } else if (Mark(cp)) {
            continue;
        } else if (cp < 0x80 || Separator(cp)) {
            flush();
        } else if (starts.back() != folded.size()) {
            starts.push_back(folded.size());
        }
    }
    flush();
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    return tokens;
}

Search ParseSearch(std::string_view typed) {
    Search s;
    const std::vector<std::string> words = SearchWords(typed);
    std::vector<std::string> patterns;
    std::vector<std::string> folded;
    for (const std::string& w : words) {
        s.fulltext += (s.fulltext.empty() ? "+" : " +") + w + "*";
        if (auto p = WordStartPattern(w)) {
            patterns.push_back(std::move(*p));
            folded.push_back(FoldedWord(w));
        }
    }
    if (patterns.empty() || patterns.size() != words.size()) return s;
    s.folded = std::move(folded);
    if (patterns.size() == 1) {
        s.pattern = patterns[0];
        return s;
    }
    // Every word somewhere in the text, in any order: one look-ahead each from the start.
    s.pattern = "(?s)\\A";
    for (const std::string& p : patterns) s.pattern += "(?=.*?" + p + ")";
    return s;
}

std::optional<db::Result> ExecuteBounded(db::Connection& c, std::string_view name,
                                         const std::string& sql,
                                         const std::vector<db::Value>& params) {
    try {
        return c.Execute(name, sql, params);
    } catch (const db::DbError& e) {
        // 1028: a sort aborted by ROWS EXAMINED; 1931: the bound reported as an error.
        if (e.code() == 1028 || e.code() == 1931) return std::nullopt;
        throw;
    }
}

std::optional<db::Result> SearchScan(db::Connection& c, std::string_view name,
                                     const std::string& sql, const std::vector<db::Value>& params,
                                     std::size_t page_rows, const SearchScanAfter& after) {
    auto scan = [&](const std::string& text, const std::vector<db::Value>& values, int bound) {
        return ExecuteBounded(c, name, text + " ROWS EXAMINED " + std::to_string(bound), values);
    };
    if (!after) {  // no probe: the whole bound at once
        std::optional<db::Result> all = scan(sql, params, kSearchScanRows);
        if (all && all->rows.size() >= page_rows) return all;
        return std::nullopt;
    }
    std::optional<db::Result> page = scan(sql, params, kSearchProbeRows);
    if (!page) return std::nullopt;  // a sorting plan: the whole bound would abort it too
    const std::size_t found = page->rows.size();
    if (found >= page_rows) return page;
    // At the probe's rate, would the whole bound find even half a page? If not, a rare word.
    constexpr auto kProbe = static_cast<std::size_t>(kSearchProbeRows);
    constexpr auto kBound = static_cast<std::size_t>(kSearchScanRows);
    if (found == 0 || 2 * found * kBound < page_rows * kProbe) return std::nullopt;
    // The probe's rows are the page's first ones (an ordered scan): the rest follow its last.
    std::vector<db::Value> more_params;
    const std::string more = after(page->rows.back(), page_rows - found, more_params);
    std::optional<db::Result> rest = scan(more, more_params, kSearchScanRows - kSearchProbeRows);
    if (!rest || found + rest->rows.size() < page_rows) return std::nullopt;
    page->rows.insert(page->rows.end(), std::make_move_iterator(rest->rows.begin()),
                      std::make_move_iterator(rest->rows.end()));
    return page;
}

}  // namespace placette::core
