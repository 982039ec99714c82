#include "plugin/core/body_memo.h"

namespace placette::core {

std::shared_ptr<const std::string> BodyMemo::Find(std::string_view lang, int variant,
                                                  std::int64_t second) const {
    std::lock_guard<std::mutex> hold(mu_);
    for (const Kept& k : kept_)
        if (k.lang == lang && k.variant == variant) return k.second == second ? k.html : nullptr;
    return nullptr;
}

void BodyMemo::Keep(std::string_view lang, int variant, std::int64_t second,
                    std::shared_ptr<const std::string> html) {
    std::lock_guard<std::mutex> hold(mu_);
    for (Kept& k : kept_) {
        if (k.lang != lang || k.variant != variant) continue;
        if (second >= k.second) {
            k.second = second;
            k.html = std::move(html);
        }
        return;
    }
    kept_.push_back(Kept{std::string(lang), variant, second, std::move(html)});
}

}  // namespace placette::core
