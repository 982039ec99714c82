// What a citizen types in a search box, as a MariaDB FULLTEXT boolean query and as a word-start
// regular expression, and the two-stage search that lets a listing scan instead of MATCH.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/core/db.h"

namespace placette::core {

// The words of what a citizen typed: runs of ASCII letters and digits and non-ASCII letters
// (punctuation, symbols and spaces of the common Unicode blocks separate words, like ’ « » —),
// each valid UTF-8 of 3 to 84 characters (InnoDB's token sizes), at most 8.
std::vector<std::string> SearchWords(std::string_view typed);

// A MariaDB FULLTEXT boolean-mode query: each word required and matched as a prefix
// ("vélo rép" → "+vélo* +rép*"); operators are dropped. Empty when no usable word remains.
std::string FulltextQuery(std::string_view typed);

// A PCRE2 pattern (MariaDB's REGEXP) matching text where one word of the text starts with `word`
// the way InnoDB FULLTEXT's "+word*" does under utf8mb4_unicode_ci: case- and accent-insensitive
// (e → [eéèêë…], œ ↔ oe), a word starting after anything but a letter, digit, mark or "_".
// nullopt when the word holds a character the pattern cannot mimic (ß, æ, ø, other scripts…) or
// could match one of InnoDB's default stopwords, which FULLTEXT never finds (the, com, with…).
std::optional<std::string> WordStartPattern(std::string_view word);

// The longest word a search index holds: longer words are indexed by their first characters.
inline constexpr std::size_t kSearchTokenMax = 84;

// `word` folded the way WordStartPattern compares it: letters to a…z (accents and case dropped),
// œ to "oe", digits kept; at most kSearchTokenMax characters. "" when WordStartPattern has none.
std::string FoldedWord(std::string_view word);

// What a search index holds for `text` (sorted, distinct): for every place a word may start, the
// folded text from there to the end of its run of letters (at most kSearchTokenMax characters,
// at least 3). Wherever WordStartPattern(w) matches `text`, some token starts with FoldedWord(w):
// a word index of these tokens, looked up by prefix, finds a superset of the rows that REGEXP
// accepts (the REGEXP is then checked on them).
std::vector<std::string> SearchTokens(std::string_view text);

// A parsed search: `fulltext` for MATCH … AGAINST, `pattern` (every word's pattern, all required)
// for REGEXP, "" when some word has none (then only the FULLTEXT query is exact), and `folded`
// (every word's FoldedWord, when `pattern` is set) for a word index.
struct Search {
    std::string fulltext;
    std::string pattern;
    std::vector<std::string> folded;
    bool empty() const { return fulltext.empty(); }
};
Search ParseSearch(std::string_view typed);

// Runs `sql`, a statement ending in LIMIT … ROWS EXAMINED; nullopt when the bound aborted it
// (error 1028, a sort aborted; or 1931). A bound reached without an error leaves the rows found so
// far and a warning (Result::warnings).
std::optional<db::Result> ExecuteBounded(db::Connection& c, std::string_view name,
                                         const std::string& sql,
                                         const std::vector<db::Value>& params);

// How many rows stage 1 of a search may examine (MariaDB's LIMIT … ROWS EXAMINED; joined rows
// count too): first a probe of the newest rows, then, only when the probe found matches often
// enough to hope for a page within it, the whole bound.
inline constexpr int kSearchProbeRows = 500;
inline constexpr int kSearchScanRows = 1500;

// The same scan continuing after `last` (a row it returned), at most `rows` more rows: the
// statement, its parameters appended to `params`.
using SearchScanAfter = std::function<std::string(const db::Row& last, std::size_t rows,
                                                  std::vector<db::Value>& params)>;

// Stage 1 of a two-stage search: runs `sql` (a listing's newest-first statement with the REGEXP
// filter, ending in "LIMIT ?"; SearchScan appends the bound) over at most kSearchProbeRows rows,
// then, if the probe found matches often enough, `after` its last match over the rest of
// kSearchScanRows (no `after`: no probe, kSearchScanRows at once); returns the rows only when they
// fill the page (`page_rows`, the page plus the one telling there is a next page), the probe's then
// the continuation's, in page order. nullopt means "run the FULLTEXT query": at the rate the probe
// found matches, kSearchScanRows would not find even half a page (a rare word: MATCH reads its few
// rows for less than the scan costs), or the scan ran out of rows or reached its bound first
// (MariaDB then returns the rows found so far with warning 1931, which db.cpp does not read: only
// the count tells), or its plan needed a sort that the bound aborted (error 1028).
std::optional<db::Result> SearchScan(db::Connection& c, std::string_view name,
                                     const std::string& sql, const std::vector<db::Value>& params,
                                     std::size_t page_rows, const SearchScanAfter& after);

}  // namespace placette::core
