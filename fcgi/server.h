// The FastCGI server: a listening socket (unix, loopback TCP, or inherited on fd 0), a pool of
// worker threads each owning one FCGX_Request, and a graceful stop on SIGTERM/SIGINT.
#pragma once

#include <functional>
#include <string>

#include "fcgi/form.h"
#include "fcgi/request.h"
#include "fcgi/response.h"

namespace placette::http {

struct ServerOptions {
    std::string listen;        // "unix:/path", "127.0.0.1:9000", or "fd0"
    std::string base_path;     // stripped from REQUEST_URI to form Request::path
    unsigned workers = 8;
    unsigned socket_mode = 0660;
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    unsigned shutdown_grace_s = 20;
    FormLimits form_limits;
};

// Handles one request; must not throw (the application's single error boundary catches).
using RequestHandler = std::function<Response(Request&)>;

// Serves until SIGTERM/SIGINT, then stops accepting, lets in-flight requests finish (up to the
// grace period) and returns 0. Returns non-zero if the socket cannot be opened.
int RunServer(const ServerOptions& options, const RequestHandler& handler);

// Fills method, path, query, params, cookies and body from CGI params and the body bytes; sets
// body_error for an oversized (413) or malformed (400) body. Used by the server and by tests.
void BuildRequest(Request& req, const ServerOptions& options, std::string body);

}  // namespace placette::http
