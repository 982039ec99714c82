// placette-admin: the webmaster's and cron's command-line tool (migrate, tick, check-ledger…).
// Each command reads the same configuration file as the service.
#include <curl/curl.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "plugin/core/clock.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string config_path = "/etc/placette/placette.ini";
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if ((args[i] == "--config" || args[i] == "-c") && i + 1 < args.size()) {
            config_path = args[++i];
        } else {
            rest.push_back(args[i]);
        }
    }
    if (rest.empty() || rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
        placette::cli::PrintHelp(std::cout);
        return rest.empty() ? 2 : 0;
    }
    placette::core::InitClockFromEnv();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = placette::cli::Run(config_path, rest, std::cout, std::cerr);
    curl_global_cleanup();
    return rc;
}
