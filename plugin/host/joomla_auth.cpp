// Joomla's session naming and lifetime rules and a reader for configuration.php's class
// properties, following ApplicationHelper::getHash, MetadataManager and the mysqli driver.
#include "plugin/host/joomla_auth.h"

#include <algorithm>
#include <optional>

#include "plugin/core/crypto.h"

namespace placette::host::joomla {

namespace {

bool IsIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool IsDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A tiny cursor over configuration.php: white space and comments skipped between tokens.
class Cursor {
  public:
    explicit Cursor(std::string_view s) : s_(s) {}
    bool Done() const { return at_ >= s_.size(); }

    void SkipBlank() {
        while (at_ < s_.size()) {
            if (std::string_view(" \t\r\n").find(s_[at_]) != std::string_view::npos) {
                ++at_;
            } else if (s_.substr(at_, 2) == "//" || s_[at_] == '#') {
                at_ = std::min(s_.find('\n', at_), s_.size());
            } else if (s_.substr(at_, 2) == "/*") {
                std::size_t end = s_.find("*/", at_ + 2);
                at_ = end == std::string_view::npos ? s_.size() : end + 2;
            } else {
                return;
            }
        }
    }

    std::string_view Word() {
        SkipBlank();
        std::size_t from = at_;
        while (at_ < s_.size() && IsIdentChar(s_[at_])) ++at_;
        return s_.substr(from, at_ - from);
    }

    bool Eat(char c) {
        SkipBlank();
        if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
        return false;
    }

    // A quoted string, a number or true/false; nullopt (cursor moved on) otherwise.
    std::optional<std::string> Literal() {
        SkipBlank();
        if (at_ >= s_.size()) return std::nullopt;
        const char q = s_[at_];
        if (q == '\'' || q == '"') return Quoted(q);
        std::size_t from = at_;
        while (at_ < s_.size() && (IsIdentChar(s_[at_]) || s_[at_] == '.' || s_[at_] == '-')) ++at_;
        std::string word(s_.substr(from, at_ - from));
        std::string lower = AsciiLower(word);
        if (lower == "true") return "1";
        if (lower == "false") return "";
        std::string_view digits = word;
        if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
        digits = digits.substr(0, digits.find('.'));
        if (IsDigits(digits)) return word;
        if (at_ == from) ++at_;
        return std::nullopt;
    }

  private:
    // To the closing quote; nullopt for an unterminated or interpolating ("$x") string.
    std::optional<std::string> Quoted(char q) {
        std::string out;
        bool plain = true;
        for (++at_; at_ < s_.size(); ++at_) {
            char c = s_[at_];
            if (c == q) {
                ++at_;
                if (!plain) return std::nullopt;
                return out;
            }
            if (c == '\\' && at_ + 1 < s_.size()) {
                out += Escaped(q, s_[++at_]);
                continue;
            }
            if (q == '"' && c == '$') plain = false;
            out += c;
        }
        return std::nullopt;
    }

    // PHP's escapes: \' and \\ in single quotes; \" \\ \n \t \$ in double quotes.
    static std::string Escaped(char q, char n) {
        if (n == q || n == '\\') return std::string(1, n);
        if (q == '"' && n == 'n') return "\n";
        if (q == '"' && n == 't') return "\t";
        if (q == '"' && n == '$') return "$";
        return std::string("\\") + n;
    }

    std::string_view s_;
    std::size_t at_ = 0;
};

}  // namespace

std::string SiteCookieName(std::string_view secret, std::string_view session_name) {
    std::string seed(session_name.empty() ? kSiteApplication : session_name);
    return core::Md5Hex(std::string(secret) + seed);
}

bool ValidSessionId(std::string_view sid) {
    if (sid.size() < 16 || sid.size() > 192) return false;
    return std::all_of(sid.begin(), sid.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == ',' || c == '-';
    });
}

bool SessionFresh(std::int64_t time, std::int64_t now, std::int64_t lifetime_minutes) {
    return time >= now - lifetime_minutes * 60;
}

std::map<std::string, std::string> ParseConfigurationPhp(std::string_view source) {
    std::map<std::string, std::string> props;
    Cursor c(source);
    while (!c.Done()) {
        std::string_view word = c.Word();
        if (word.empty()) {
            c.Literal();  // a string, number or single character: always moves on
            continue;
        }
        const std::string lower = AsciiLower(word);
        if (lower != "public" && lower != "var") continue;
        if (!c.Eat('$')) continue;
        const std::string name(c.Word());
        if (name.empty() || !c.Eat('=')) continue;
        std::optional<std::string> value = c.Literal();
        if (value && c.Eat(';')) props.insert_or_assign(name, *value);
    }
    return props;
}

HostDbCredentials ParseDbHost(std::string_view host) {
    HostDbCredentials out;
    if (host.starts_with("unix:")) {
        out.socket = std::string(host.substr(5));
        return out;
    }
    std::string_view port;
    if (host.starts_with('[')) {
        std::size_t close = host.find(']');
        if (close != std::string_view::npos && host.substr(close + 1).starts_with(':')) {
            port = host.substr(close + 2);
            host = host.substr(0, close + 1);
        }
    } else if (std::size_t colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (!host.empty()) out.host = std::string(host);
    if (IsDigits(port) && port.size() <= 5 && std::stoi(std::string(port)) <= 65535 &&
        std::stoi(std::string(port)) >= 1) {
        out.port = static_cast<unsigned>(std::stoi(std::string(port)));
    } else if (!port.empty()) {
        out.socket = std::string(port);
    }
    return out;
}

std::string ReturnParam(std::string_view url) { return core::Base64Encode(url); }

}  // namespace placette::host::joomla
