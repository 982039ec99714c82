// Temporary until the WordPress adapter lands (same session): refuses [host] type = wordpress.
#include "plugin/host/adapter.h"

namespace placette::host {
std::unique_ptr<HostAdapter> MakeWordPressHost(core::Config&) {
    throw core::ConfigError("[host] type = wordpress is not available in this build yet");
}
}  // namespace placette::host
