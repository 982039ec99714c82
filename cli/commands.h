// The commands of placette-admin, callable from tests as well as from main().
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace placette::cli {

void PrintHelp(std::ostream& out);
// Runs `args[0]` with its arguments; returns the process exit code (0 ok, 1 failure, 2 usage).
int Run(const std::string& config_path, const std::vector<std::string>& args, std::ostream& out,
        std::ostream& err);

}  // namespace placette::cli
