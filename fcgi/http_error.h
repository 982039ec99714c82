// Exceptions that carry an HTTP status, for what a handler cannot fix itself. They are turned
// into themed error pages in exactly one place (plugin/app.cpp).
#pragma once

#include <stdexcept>
#include <string>

namespace placette::http {

class HttpError : public std::runtime_error {
public:
    HttpError(int status, const std::string& detail) : std::runtime_error(detail), status_(status) {}
    int status() const { return status_; }

private:
    int status_;
};

struct BadRequest : HttpError {
    explicit BadRequest(const std::string& d) : HttpError(400, d) {}
};
struct Forbidden : HttpError {
    explicit Forbidden(const std::string& d) : HttpError(403, d) {}
};
struct NotFound : HttpError {
    explicit NotFound(const std::string& d) : HttpError(404, d) {}
};
struct Conflict : HttpError {
    explicit Conflict(const std::string& d) : HttpError(409, d) {}
};
struct PayloadTooLarge : HttpError {
    explicit PayloadTooLarge(const std::string& d) : HttpError(413, d) {}
};

// Standard reason phrase for a status code ("Not Found"); "Unknown" for others.
const char* ReasonPhrase(int status);

}  // namespace placette::http
