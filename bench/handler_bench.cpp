// placette-bench-handler: what one request costs inside Placette, without nginx, FastCGI or the
// kernel: builds the application from a placette.ini (as placette-fcgi does), then runs the same
// GET through BuildRequest, App::Handle and Response::Serialize N times on one thread and prints
// the CPU time (and the elapsed time, which includes waiting for MariaDB) per request. The read
// cache lives an hour unless --read-cache-ms says otherwise, so every request after the first is
// a cache hit (what a busy page sees); 0 runs every query. A tool for profiling (perf record,
// valgrind --tool=callgrind) and for before/after comparisons of the render path; bench/run
// measures the whole path.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "fcgi/server.h"
#include "plugin/app.h"
#include "plugin/core/read_cache.h"

namespace {
double WallSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double CpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

void Usage() {
    std::cerr
        << "usage: placette-bench-handler --config FILE --path /projects/1 [--cookie 'a=b; c=d']\n"
           "                              [--count N (20000)] [--base /participer]\n"
           "                              [--read-cache-ms MS (an hour; 0: every request reads)]\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::string config_path, path, cookie, base = "/participer";
    long count = 20000;
    long read_cache_ms = 3600 * 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--config")
            config_path = argv[i + 1];
        else if (a == "--path")
            path = argv[i + 1];
        else if (a == "--cookie")
            cookie = argv[i + 1];
        else if (a == "--count")
            count = std::atol(argv[i + 1]);
        else if (a == "--base")
            base = argv[i + 1];
        else if (a == "--read-cache-ms")
            read_cache_ms = std::atol(argv[i + 1]);
        else {
            Usage();
            return 2;
        }
    }
    if (config_path.empty() || path.empty() || count <= 0) {
        Usage();
        return 2;
    }
    try {
        placette::core::Config config = placette::core::Config::Load(config_path);
        placette::http::ServerOptions opt;
        opt.base_path = config.base_path;
        placette::core::SetReadCacheTtl(std::chrono::milliseconds(read_cache_ms));
        placette::App app(std::move(config));
        auto one = [&]() {
            placette::http::Request req;
            req.request_id = "bench";
            std::string uri = base + path;
            std::string query;
            if (auto q = uri.find('?'); q != std::string::npos) query = uri.substr(q + 1);
            // The params nginx sends through Debian's fastcgi_params and Placette's snippet.
            const std::pair<const char*, std::string> params[] = {
                {"QUERY_STRING", query},
                {"REQUEST_METHOD", "GET"},
                {"CONTENT_TYPE", ""},
                {"CONTENT_LENGTH", ""},
                {"SCRIPT_NAME", base},
                {"REQUEST_URI", uri},
                {"DOCUMENT_URI", uri},
                {"DOCUMENT_ROOT", "/var/www/html"},
                {"SERVER_PROTOCOL", "HTTP/1.1"},
                {"REQUEST_SCHEME", "http"},
                {"GATEWAY_INTERFACE", "CGI/1.1"},
                {"SERVER_SOFTWARE", "nginx/1.22.1"},
                {"REMOTE_ADDR", "127.0.0.1"},
                {"REMOTE_PORT", "50000"},
                {"SERVER_ADDR", "127.0.0.1"},
                {"SERVER_PORT", "80"},
                {"SERVER_NAME", "localhost"},
                {"REDIRECT_STATUS", "200"},
                {"PATH_INFO", path.substr(0, path.find('?'))},
                {"HTTP_HOST", "localhost"},
                {"HTTP_USER_AGENT", "placette-bench-handler"},
                {"HTTP_ACCEPT", "*/*"},
                {"HTTP_COOKIE", cookie},
            };
            for (const auto& [name, value] : params) {
                if (!value.empty() || name[0] != 'H') req.params.emplace(name, value);
            }
            placette::http::BuildRequest(req, opt, "");
            placette::http::Response res = app.Handle(req);
            return std::make_pair(res.status, res.Serialize(false).size());
        };
        auto [status, bytes] = one();
        if (status != 200) {
            std::cerr << "placette-bench-handler: " << path << " answered " << status << "\n";
            return 1;
        }
        const double start = CpuSeconds(), wall_start = WallSeconds();
        for (long i = 0; i < count; ++i) one();
        const double spent = CpuSeconds() - start, wall = WallSeconds() - wall_start;
        std::printf(
            "%s: %ld requests, %zu bytes each, %.2f us CPU and %.2f us elapsed per request\n",
            path.c_str(), count, bytes, spent * 1e6 / static_cast<double>(count),
            wall * 1e6 / static_cast<double>(count));
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "placette-bench-handler: " << e.what() << "\n";
        return 1;
    }
}
