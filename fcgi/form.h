// Parsing of request bodies and query strings: application/x-www-form-urlencoded and
// multipart/form-data, with limits on field count, field size and file size.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace placette::http {

// Limits applied while parsing; exceeding one makes the parse fail with FormError.
struct FormLimits {
    std::size_t max_fields = 200;          // name/value pairs plus files
    std::size_t max_field_bytes = 64 * 1024;  // one text value (after decoding)
    std::size_t max_file_bytes = 5 * 1024 * 1024;  // one uploaded file
    std::size_t max_files = 5;
};

struct UploadedFile {
    std::string field;         // form field name
    std::string filename;      // as sent by the browser (untrusted; never used as a path)
    std::string content_type;  // as sent by the browser (untrusted)
    std::string data;          // the bytes
};

// Why a body could not be parsed. `too_large` means a limit on sizes/counts was hit (413),
// otherwise the body is malformed (400).
struct FormError {
    bool too_large = false;
    std::string reason;  // for the log, never shown to users
};

// Ordered multimap of decoded fields; the first value of a repeated name wins in Get().
class Form {
public:
    void Add(std::string name, std::string value);
    void AddFile(UploadedFile file);
    // First value of `name`, or nullopt.
    std::optional<std::string> Get(std::string_view name) const;
    // First value of `name`, or `fallback`.
    std::string GetOr(std::string_view name, std::string_view fallback = "") const;
    std::vector<std::string> GetAll(std::string_view name) const;
    const UploadedFile* File(std::string_view field) const;
    const std::vector<std::pair<std::string, std::string>>& Fields() const { return fields_; }
    const std::vector<UploadedFile>& Files() const { return files_; }
    std::size_t size() const { return fields_.size() + files_.size(); }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
    std::vector<UploadedFile> files_;
};

// Percent-decoding as for form values: `+` becomes a space when `plus_is_space`. Invalid escapes
// (`%zz`, a trailing `%`) are kept literally, as PHP does.
std::string UrlDecode(std::string_view in, bool plus_is_space);
// Percent-encodes everything but unreserved characters (RFC 3986).
std::string UrlEncode(std::string_view in);

// Parses `a=1&b=2` (query strings and urlencoded bodies). Names and values are decoded;
// a pair without `=` has an empty value; empty pairs are skipped. Returns FormError when a limit is hit.
[[nodiscard]] bool ParseUrlEncoded(std::string_view body, const FormLimits& limits, Form& out,
                                   FormError& err);

// Extracts the boundary parameter from a multipart Content-Type header (quoted or not);
// nullopt when absent or longer than 70 characters (RFC 2046).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Parses a multipart/form-data body with the given boundary. Parts with a filename go to
// files; others to fields. Malformed structure (missing final boundary, part without
// Content-Disposition name, headers without CRLFCRLF) fails with too_large=false.
[[nodiscard]] bool ParseMultipart(std::string_view body, std::string_view boundary,
                                  const FormLimits& limits, Form& out, FormError& err);

}  // namespace placette::http
