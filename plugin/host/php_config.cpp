// Extracts string constants and simple variables from a PHP config file (wp-config.php and the
// like) with a small PHP tokenizer; nothing is evaluated, non-literal values are skipped.
#include "plugin/host/php_config.h"

#include <array>
#include <utility>
#include <vector>

namespace placette::host {

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
    }
    return true;
}

bool IsIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void AppendUtf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

enum class Kind { kEnd, kIdent, kVariable, kString, kPunct, kOther };

struct Token {
    Kind kind = Kind::kEnd;
    std::string text;   // identifier, variable name without '$', decoded string, operator
    bool plain = true;  // strings: a literal without interpolation
};

bool Is(const Token& t, Kind kind, std::string_view text) {
    return t.kind == kind && t.text == text;
}

// Longest operators first, so that "??=" is not read as "??" then "=" ("?\?=" dodges a trigraph).
constexpr std::array<std::string_view, 37> kOperators{
    "<<=", ">>=", "**=", "?\?=", "===", "!==", "<=>", "?->", "...", "->", "=>", "::", "==",
    "!=",  "<>",  "<=",  ">=",   "&&",  "||",  "??",  "++",  "--",  ".=", "+=", "-=", "*=",
    "/=",  "%=",  "&=",  "|=",   "^=",  "<<",  ">>",  "**",  "=",   ".",  "?"};

class Lexer {
  public:
    explicit Lexer(std::string_view source) : src_(source) {}

    Token Next() {
        if (!in_php_ && !EnterPhp()) return Token{};
        SkipSpaceAndComments();
        if (pos_ >= src_.size()) return Token{};
        if (src_.substr(pos_, 2) == "?>") {  // a closing tag ends the statement
            pos_ += 2;
            in_php_ = false;
            return Token{Kind::kPunct, ";"};
        }
        const char c = src_[pos_];
        if (c == '\'') return SingleQuoted();
        if (c == '"') return DoubleQuoted();
        if (c == '$' && pos_ + 1 < src_.size() && IsIdentStart(src_[pos_ + 1])) {
            ++pos_;
            return Token{Kind::kVariable, Identifier()};
        }
        if (IsIdentStart(c)) return Token{Kind::kIdent, Identifier()};
        if (src_.substr(pos_, 3) == "<<<") return Heredoc();
        return Symbol();
    }

  private:
    // Skips inline HTML up to the next "<?php" (followed by white space) or "<?=".
    bool EnterPhp() {
        for (std::size_t at = src_.find("<?", pos_); at != std::string_view::npos;
             at = src_.find("<?", at + 2)) {
            if (src_.substr(at + 2, 1) == "=") {
                pos_ = at + 3;
                in_php_ = true;
                return true;
            }
            const std::size_t after = at + 5;
            if (IEquals(src_.substr(at + 2, 3), "php") &&
                (after >= src_.size() ||
                 std::string_view(" \t\r\n").find(src_[after]) != std::string_view::npos)) {
                pos_ = after;
                in_php_ = true;
                return true;
            }
        }
        pos_ = src_.size();
        return false;
    }

    void SkipSpaceAndComments() {
        while (pos_ < src_.size()) {
            const std::string_view rest = src_.substr(pos_);
            if (std::string_view(" \t\r\n\f\v").find(rest.front()) != std::string_view::npos) {
                ++pos_;
            } else if (rest.substr(0, 2) == "/*") {
                const std::size_t end = src_.find("*/", pos_ + 2);
                pos_ = end == std::string_view::npos ? src_.size() : end + 2;
            } else if (rest.substr(0, 2) == "//" ||
                       (rest.front() == '#' && rest.substr(0, 2) != "#[")) {
                SkipLineComment();
            } else {
                return;
            }
        }
    }

    // A line comment ends at the end of the line or just before a closing tag.
    void SkipLineComment() {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r' &&
               src_.substr(pos_, 2) != "?>") {
            ++pos_;
        }
    }

    std::string Identifier() {
        const std::size_t start = pos_;
        while (pos_ < src_.size() && IsIdentChar(src_[pos_])) ++pos_;
        return std::string(src_.substr(start, pos_ - start));
    }

    // '...': only \' and \\ are escapes; any other backslash is kept.
    Token SingleQuoted() {
        Token t{Kind::kString, ""};
        for (++pos_; pos_ < src_.size(); ++pos_) {
            const char c = src_[pos_];
            if (c == '\'') {
                ++pos_;
                return t;
            }
            if (c == '\\' && pos_ + 1 < src_.size() &&
                (src_[pos_ + 1] == '\'' || src_[pos_ + 1] == '\\')) {
                ++pos_;
            }
            t.text.push_back(src_[pos_]);
        }
        t.plain = false;  // unterminated
        return t;
    }

    Token DoubleQuoted() {
        Token t{Kind::kString, ""};
        for (++pos_; pos_ < src_.size();) {
            const char c = src_[pos_];
            if (c == '"') {
                ++pos_;
                return t;
            }
            const bool interpolates = (c == '$' && pos_ + 1 < src_.size() &&
                                       (IsIdentStart(src_[pos_ + 1]) || src_[pos_ + 1] == '{')) ||
                                      (c == '{' && src_.substr(pos_ + 1, 1) == "$");
            if (interpolates) t.plain = false;
            if (c == '\\') {
                Escape(t);
            } else {
                t.text.push_back(c);
                ++pos_;
            }
        }
        t.plain = false;  // unterminated
        return t;
    }

    // At a backslash inside "...": appends what the escape means and moves past it.
    void Escape(Token& t) {
        const char e = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
        static constexpr std::string_view kFrom = "ntrvef\\$\"";
        static constexpr std::string_view kTo = "\n\t\r\v\x1B\f\\$\"";
        if (const std::size_t k = kFrom.find(e); e != '\0' && k != std::string_view::npos) {
            t.text.push_back(kTo[k]);
            pos_ += 2;
        } else if (e >= '0' && e <= '7') {
            NumericEscape(t, pos_ + 1, 3, 8);
        } else if (e == 'x' && pos_ + 2 < src_.size() && HexValue(src_[pos_ + 2]) >= 0) {
            NumericEscape(t, pos_ + 2, 2, 16);
        } else if (e == 'u' && src_.substr(pos_ + 2, 1) == "{") {
            UnicodeEscape(t);
        } else {
            t.text.push_back('\\');
            ++pos_;
        }
    }

    // Up to `max_digits` digits in `base` starting at `from`; the byte keeps the low 8 bits.
    void NumericEscape(Token& t, std::size_t from, int max_digits, int base) {
        unsigned value = 0;
        std::size_t p = from;
        for (int n = 0; n < max_digits && p < src_.size(); ++n, ++p) {
            const int digit = HexValue(src_[p]);
            if (digit < 0 || digit >= base) break;
            value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit);
        }
        t.text.push_back(static_cast<char>(value & 0xFF));
        pos_ = p;
    }

    // \u{1F600}; a malformed one is a PHP parse error, so the string is not trusted.
    void UnicodeEscape(Token& t) {
        const std::size_t close = src_.find('}', pos_ + 3);
        std::uint32_t cp = 0;
        const std::string_view hex = close == std::string_view::npos
                                         ? std::string_view()
                                         : src_.substr(pos_ + 3, close - pos_ - 3);
        bool ok = !hex.empty() && hex.size() <= 6;
        for (const char h : hex) {
            ok = ok && HexValue(h) >= 0;
            cp = ok ? cp * 16 + static_cast<std::uint32_t>(HexValue(h)) : cp;
        }
        if (!ok || cp > 0x10FFFF) {
            t.plain = false;
            t.text.push_back('\\');
            ++pos_;
            return;
        }
        AppendUtf8(cp, t.text);
        pos_ = close + 1;
    }

    // <<<LABEL, <<<"LABEL" or <<<'LABEL' up to the line that starts with LABEL; never literal.
    Token Heredoc() {
        std::size_t p = pos_ + 3;
        while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t')) ++p;
        if (p < src_.size() && (src_[p] == '\'' || src_[p] == '"')) ++p;
        const std::size_t label_start = p;
        while (p < src_.size() && IsIdentChar(src_[p])) ++p;
        const std::string_view label = src_.substr(label_start, p - label_start);
        pos_ += 3;
        if (label.empty()) return Token{Kind::kOther, "<<<"};
        for (std::size_t nl = src_.find('\n', p); nl != std::string_view::npos;
             nl = src_.find('\n', nl + 1)) {
            std::size_t q = nl + 1;
            while (q < src_.size() && (src_[q] == ' ' || src_[q] == '\t')) ++q;
            const std::size_t end = q + label.size();
            if (src_.substr(q, label.size()) == label &&
                (end >= src_.size() || !IsIdentChar(src_[end]))) {
                pos_ = end;
                return Token{Kind::kOther, "heredoc"};
            }
        }
        pos_ = src_.size();
        return Token{Kind::kOther, "heredoc"};
    }

    Token Symbol() {
        for (const std::string_view op : kOperators) {
            if (src_.substr(pos_, op.size()) == op) {
                pos_ += op.size();
                return Token{Kind::kPunct, std::string(op)};
            }
        }
        const char c = src_[pos_++];
        const bool punct = std::string_view("(){}[],;").find(c) != std::string_view::npos;
        return Token{punct ? Kind::kPunct : Kind::kOther, std::string(1, c)};
    }

    std::string_view src_;
    std::size_t pos_ = 0;
    bool in_php_ = false;
};

// Tells whether the current position is in the global scope: braces opened by a function,
// class, interface, trait or enum body start a local scope; control-flow braces do not. A
// function's signature (parameter defaults) is not global either.
class ScopeTracker {
  public:
    bool Global() const { return !pending_ && (local_.empty() || !local_.back()); }

    void Track(const Token& t) {
        static constexpr std::array<std::string_view, 5> kScopeWords{"function", "class",
                                                                     "interface", "trait", "enum"};
        if (t.kind == Kind::kIdent) {
            for (const auto word : kScopeWords) pending_ = pending_ || IEquals(t.text, word);
        } else if (Is(t, Kind::kPunct, "{")) {
            local_.push_back(!Global());
            pending_ = false;
        } else if (Is(t, Kind::kPunct, "}")) {
            if (!local_.empty()) local_.pop_back();
        } else if (Is(t, Kind::kPunct, ";")) {
            pending_ = false;
        }
    }

  private:
    std::vector<bool> local_;
    bool pending_ = false;
};

bool IsPlainString(const Token& t) { return t.kind == Kind::kString && t.plain; }

// After `define`: ( 'NAME' , 'value' [,] ) — anything else is not a literal definition.
void TryDefine(Lexer ahead, std::map<std::string, std::string>& constants) {
    if (!Is(ahead.Next(), Kind::kPunct, "(")) return;
    const Token name = ahead.Next();
    if (!IsPlainString(name) || name.text.empty()) return;
    if (!Is(ahead.Next(), Kind::kPunct, ",")) return;
    const Token value = ahead.Next();
    if (!IsPlainString(value)) return;
    Token close = ahead.Next();
    if (Is(close, Kind::kPunct, ",")) close = ahead.Next();
    if (!Is(close, Kind::kPunct, ")")) return;
    constants.try_emplace(name.text, value.text);  // PHP refuses to redefine a constant
}

bool IsModifyingOperator(const Token& t) {
    static constexpr std::array<std::string_view, 14> kOps{
        ".=", "+=", "-=", "*=", "/=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=", "++", "--"};
    if (t.kind != Kind::kPunct) return false;
    for (const auto op : kOps) {
        if (t.text == op) return true;
    }
    return false;
}

// After `$name`: `= 'literal' ;` records it (the last assignment wins, as at run time); any
// other assignment makes the value unknown, so it is forgotten. `??=` only fills a gap.
void TryAssign(Lexer ahead, const std::string& name, std::map<std::string, std::string>& vars) {
    const Token op = ahead.Next();
    if (IsModifyingOperator(op)) {
        vars.erase(name);
        return;
    }
    const bool fill_only = Is(op, Kind::kPunct, "?\?=");
    if (!fill_only && !Is(op, Kind::kPunct, "=")) return;
    if (fill_only && vars.count(name) > 0) return;
    const Token value = ahead.Next();
    if (IsPlainString(value) && Is(ahead.Next(), Kind::kPunct, ";")) {
        vars[name] = value.text;
    } else if (!fill_only) {
        vars.erase(name);
    }
}

// `$obj->define(`, `Foo::define(`, `function define(`, `$$name`, `self::$name` are not ours.
bool FollowsAccessor(const Token& prev) {
    return Is(prev, Kind::kPunct, "->") || Is(prev, Kind::kPunct, "?->") ||
           Is(prev, Kind::kPunct, "::") || Is(prev, Kind::kOther, "$") ||
           (prev.kind == Kind::kIdent &&
            (IEquals(prev.text, "function") || IEquals(prev.text, "const") ||
             IEquals(prev.text, "new")));
}

}  // namespace

PhpConfig ParsePhpConfig(std::string_view source) {
    PhpConfig config;
    Lexer lexer(source);
    ScopeTracker scopes;
    Token prev;
    for (Token tok = lexer.Next(); tok.kind != Kind::kEnd; tok = lexer.Next()) {
        if (tok.kind == Kind::kIdent && IEquals(tok.text, "define") && !FollowsAccessor(prev)) {
            TryDefine(lexer, config.constants);
        } else if (tok.kind == Kind::kVariable && scopes.Global() && !FollowsAccessor(prev)) {
            TryAssign(lexer, tok.text, config.variables);
        }
        scopes.Track(tok);
        prev = std::move(tok);
    }
    return config;
}

}  // namespace placette::host
