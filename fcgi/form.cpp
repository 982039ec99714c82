// Request body and query string parsing: percent-decoding, urlencoded pairs and
// multipart/form-data parts, enforcing FormLimits before anything is stored.
#include "fcgi/form.h"

#include <algorithm>
#include <array>
#include <utility>

namespace placette::http {

void Form::Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
}

void Form::AddFile(UploadedFile file) { files_.push_back(std::move(file)); }

std::optional<std::string> Form::Get(std::string_view name) const {
    for (const auto& [key, value] : fields_) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::string Form::GetOr(std::string_view name, std::string_view fallback) const {
    auto value = Get(name);
    return value ? std::move(*value) : std::string(fallback);
}

std::vector<std::string> Form::GetAll(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : fields_) {
        if (key == name) values.push_back(value);
    }
    return values;
}

const UploadedFile* Form::File(std::string_view field) const {
    for (const auto& file : files_) {
        if (file.field == field) return &file;
    }
    return nullptr;
}

namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool Fail(FormError& err, bool too_large, std::string reason) {
    err.too_large = too_large;
    err.reason = std::move(reason);
    return false;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return AsciiLower(x) == AsciiLower(y);
           });
}

std::string_view TrimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string UrlDecode(std::string_view in, bool plus_is_space) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size()) {
            const int hi = HexValue(in[i + 1]);
            const int lo = HexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
    return out;
}

std::string UrlEncode(std::string_view in) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    static constexpr auto kUnreserved = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 256; ++c) {
            t[static_cast<std::size_t>(c)] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                             (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                                             c == '_' || c == '~';
        }
        return t;
    }();
    std::string out(in.size() * 3, '\0');
    char* p = out.data();
    for (const char c : in) {
        const auto byte = static_cast<unsigned char>(c);
        if (kUnreserved[byte]) {
            *p++ = c;
        } else {
            *p++ = '%';
            *p++ = kHex[byte >> 4];
            *p++ = kHex[byte & 0x0F];
        }
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return out;
}

// Pairs with an empty (decoded) name are skipped as PHP does; the field count includes what
// `out` already holds, so a query string and a body parsed into one Form share the limit.
bool ParseUrlEncoded(std::string_view body, const FormLimits& limits, Form& out, FormError& err) {
    while (!body.empty()) {
        const std::size_t amp = body.find('&');
        const std::string_view pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        std::string name = UrlDecode(pair.substr(0, eq), true);
        if (name.empty()) continue;
        std::string value =
            eq == std::string_view::npos ? std::string() : UrlDecode(pair.substr(eq + 1), true);
        if (out.size() >= limits.max_fields) return Fail(err, true, "too many fields");
        if (name.size() > limits.max_field_bytes || value.size() > limits.max_field_bytes) {
            return Fail(err, true, "field too large");
        }
        out.Add(std::move(name), std::move(value));
    }
    return true;
}

namespace {

// Reads `name=value` / `name="quoted value"` parameters after a header's main value.
// Inside quotes a backslash escapes only `"` and `\` (browsers percent-encode instead).
class HeaderParams {
  public:
    explicit HeaderParams(std::string_view params) : rest_(params) {}

    // The first parameter called `name` (case-insensitive), or nullopt.
    std::optional<std::string> Find(std::string_view name) {
        std::string key;
        std::string value;
        while (Next(key, value)) {
            if (IEquals(key, name)) return value;
        }
        return std::nullopt;
    }

  private:
    bool Next(std::string& key, std::string& value) {
        while (!rest_.empty() &&
               (rest_.front() == ';' || rest_.front() == ' ' || rest_.front() == '\t')) {
            rest_.remove_prefix(1);
        }
        if (rest_.empty()) return false;
        const std::size_t end = rest_.find_first_of("=;");
        key = std::string(TrimSpaces(rest_.substr(0, end)));
        rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end);
        value.clear();
        if (rest_.empty() || rest_.front() == ';') return true;
        rest_.remove_prefix(1);  // '='
        while (!rest_.empty() && (rest_.front() == ' ' || rest_.front() == '\t')) {
            rest_.remove_prefix(1);
        }
        if (!rest_.empty() && rest_.front() == '"') {
            ReadQuoted(value);
        } else {
            const std::size_t semi = rest_.find(';');
            value = std::string(TrimSpaces(rest_.substr(0, semi)));
            rest_.remove_prefix(semi == std::string_view::npos ? rest_.size() : semi);
        }
        return true;
    }

    void ReadQuoted(std::string& value) {
        std::size_t i = 1;
        for (; i < rest_.size() && rest_[i] != '"'; ++i) {
            if (rest_[i] == '\\' && i + 1 < rest_.size() &&
                (rest_[i + 1] == '"' || rest_[i + 1] == '\\')) {
                ++i;
            }
            value.push_back(rest_[i]);
        }
        rest_.remove_prefix(std::min(i + 1, rest_.size()));
    }

    std::string_view rest_;
};

bool IsBoundaryChar(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F && c != '"';
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
    const std::size_t semi = content_type.find(';');
    const std::string_view media = TrimSpaces(content_type.substr(0, semi));
    if (media.size() < 10 || !IEquals(media.substr(0, 10), "multipart/")) return std::nullopt;
    if (semi == std::string_view::npos) return std::nullopt;
    auto boundary = HeaderParams(content_type.substr(semi + 1)).Find("boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    if (!std::all_of(boundary->begin(), boundary->end(), IsBoundaryChar)) return std::nullopt;
    return boundary;
}

namespace {

struct PartHeaders {
    std::optional<std::string> disposition;
    std::string content_type;
};

// Splits "Name: value" lines (CRLF-separated); a line without ':' is malformed.
bool ParsePartHeaders(std::string_view block, PartHeaders& headers) {
    while (!block.empty()) {
        const std::size_t eol = block.find("\r\n");
        const std::string_view line = block.substr(0, eol);
        block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) return false;
        const std::string_view name = TrimSpaces(line.substr(0, colon));
        const std::string_view value = TrimSpaces(line.substr(colon + 1));
        if (IEquals(name, "Content-Disposition") && !headers.disposition) {
            headers.disposition = std::string(value);
        } else if (IEquals(name, "Content-Type") && headers.content_type.empty()) {
            headers.content_type = std::string(value);
        }
    }
    return true;
}

class MultipartParser {
  public:
    MultipartParser(std::string_view body, std::string_view boundary, const FormLimits& limits,
                    Form& out, FormError& err)
        : body_(body),
          delimiter_("\r\n--" + std::string(boundary)),
          limits_(limits),
          out_(out),
          err_(err) {}

    bool Run() {
        if (delimiter_.size() <= 4) return Fail(err_, false, "empty boundary");
        std::size_t pos = FirstDelimiterEnd();
        if (pos == std::string_view::npos) return Fail(err_, false, "no opening boundary");
        while (true) {
            const std::string_view after = body_.substr(pos);
            if (after.substr(0, 2) == "--") return true;  // close delimiter; epilogue ignored
            const std::size_t line_end = AfterPadding(pos);
            if (body_.substr(line_end, 2) != "\r\n") {
                return Fail(err_, false, "boundary not followed by CRLF");
            }
            const std::size_t start = line_end + 2;
            const std::size_t next = body_.find(delimiter_, start);
            if (next == std::string_view::npos) return Fail(err_, false, "missing final boundary");
            if (!HandlePart(body_.substr(start, next - start))) return false;
            pos = next + delimiter_.size();
        }
    }

  private:
    // Position just after the first delimiter line's boundary; a preamble may precede it.
    std::size_t FirstDelimiterEnd() const {
        const std::string_view dash_boundary = std::string_view(delimiter_).substr(2);
        if (body_.substr(0, dash_boundary.size()) == dash_boundary) return dash_boundary.size();
        const std::size_t at = body_.find(delimiter_);
        return at == std::string_view::npos ? at : at + delimiter_.size();
    }

    // RFC 2046 allows linear white space between a boundary and its CRLF.
    std::size_t AfterPadding(std::size_t pos) const {
        while (pos < body_.size() && (body_[pos] == ' ' || body_[pos] == '\t')) ++pos;
        return pos;
    }

    bool HandlePart(std::string_view part) {
        std::string_view header_block;
        std::string_view content;
        if (part.substr(0, 2) == "\r\n") {
            content = part.substr(2);
        } else {
            const std::size_t blank = part.find("\r\n\r\n");
            if (blank == std::string_view::npos) return Fail(err_, false, "part headers unended");
            header_block = part.substr(0, blank);
            content = part.substr(blank + 4);
        }
        PartHeaders headers;
        if (!ParsePartHeaders(header_block, headers)) {
            return Fail(err_, false, "malformed part header");
        }
        if (!headers.disposition) return Fail(err_, false, "part without Content-Disposition");
        return StorePart(*headers.disposition, std::move(headers.content_type), content);
    }

    bool StorePart(std::string_view disposition, std::string content_type,
                   std::string_view content) {
        const std::size_t semi = disposition.find(';');
        if (!IEquals(TrimSpaces(disposition.substr(0, semi)), "form-data")) {
            return Fail(err_, false, "part disposition is not form-data");
        }
        const std::string_view params =
            semi == std::string_view::npos ? std::string_view() : disposition.substr(semi + 1);
        auto name = HeaderParams(params).Find("name");
        if (!name || name->empty()) return Fail(err_, false, "part without a name");
        auto filename = HeaderParams(params).Find("filename");
        if (!filename) return StoreField(std::move(*name), content);
        // A file input left empty is sent with filename="" and no bytes: nothing was uploaded.
        if (filename->empty() && content.empty()) return true;
        return StoreFile(UploadedFile{std::move(*name), std::move(*filename),
                                      std::move(content_type), std::string()},
                         content);
    }

    bool StoreField(std::string name, std::string_view content) {
        if (out_.size() >= limits_.max_fields) return Fail(err_, true, "too many fields");
        if (content.size() > limits_.max_field_bytes || name.size() > limits_.max_field_bytes) {
            return Fail(err_, true, "field too large");
        }
        out_.Add(std::move(name), std::string(content));
        return true;
    }

    bool StoreFile(UploadedFile file, std::string_view content) {
        if (out_.size() >= limits_.max_fields) return Fail(err_, true, "too many fields");
        if (out_.Files().size() >= limits_.max_files) return Fail(err_, true, "too many files");
        if (content.size() > limits_.max_file_bytes) return Fail(err_, true, "file too large");
        file.data = std::string(content);
        out_.AddFile(std::move(file));
        return true;
    }

    std::string_view body_;
    std::string delimiter_;  // CRLF "--" boundary
    const FormLimits& limits_;
    Form& out_;
    FormError& err_;
};

}  // namespace

bool ParseMultipart(std::string_view body, std::string_view boundary, const FormLimits& limits,
                    Form& out, FormError& err) {
    return MultipartParser(body, boundary, limits, out, err).Run();
}

}  // namespace placette::http
