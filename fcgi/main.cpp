// placette-fcgi: reads the configuration, builds the application (templates, catalogs, host
// adapter) and serves FastCGI until SIGTERM. A bad configuration stops it with a clear message.
#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <string>

#include "fcgi/server.h"
#include "plugin/app.h"
#include "plugin/core/active_workers.h"
#include "plugin/core/clock.h"
#include "plugin/core/log.h"
#include "plugin/core/read_cache.h"

namespace {
void Usage() {
    std::cout << "Usage: placette-fcgi --config FILE [--listen unix:/path|127.0.0.1:PORT|fd0]\n"
                 "Serves Placette over FastCGI. See INSTALL.md for the configuration keys.\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::string config_path = "/etc/placette/placette.ini";
    std::string listen;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if ((a == "--config" || a == "-c") && i + 1 < argc) {
            config_path = argv[++i];
        } else if (a == "--listen" && i + 1 < argc) {
            listen = argv[++i];
        } else if (a == "--help" || a == "-h") {
            Usage();
            return 0;
        } else if (a == "--version") {
            std::cout << "placette-fcgi " << PLACETTE_VERSION << "\n";
            return 0;
        } else {
            std::cerr << "placette-fcgi: unknown argument " << a << "\n";
            Usage();
            return 2;
        }
    }
    placette::core::InitClockFromEnv();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    try {
        placette::core::Config config = placette::core::Config::Load(config_path);
        if (!listen.empty()) config.listen = listen;
        placette::http::ServerOptions opt;
        opt.listen = config.listen;
        opt.base_path = config.base_path;
        opt.workers = config.workers;
        opt.socket_mode = config.socket_mode;
        opt.max_body_bytes = config.max_body_bytes;
        opt.shutdown_grace_s = config.shutdown_grace_s;
        placette::core::SetReadCacheTtl(std::chrono::milliseconds(config.read_cache_ms));
        placette::core::SetActiveWorkerLimit(config.active_workers != 0
                                                 ? config.active_workers
                                                 : placette::core::DefaultActiveWorkers());
        placette::App app(std::move(config));
        int rc = placette::http::RunServer(
            opt, [&app](placette::http::Request& r) { return app.Handle(r); });
        curl_global_cleanup();
        return rc;
    } catch (const std::exception& e) {
        placette::core::LogError(std::string("msg=\"cannot start\" what=\"") + e.what() + "\"");
        std::cerr << "placette-fcgi: " << e.what() << "\n";
        return 1;
    }
}
