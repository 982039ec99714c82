#include "plugin/core/body_memo.h"

namespace placette::core {

std::shared_ptr<const std::string> BodyMemo::Find(std::string_view key, int variant,
                                                  std::int64_t second) const {
    std::lock_guard<std::mutex> hold(mu_);
    for (const Kept& k : kept_)
        if (k.key == key && k.variant == variant) return k.second == second ? k.html : nullptr;
    return nullptr;
}

void BodyMemo::Keep(std::string_view key, int variant, std::int64_t second,
                    std::shared_ptr<const std::string> html) {
    std::lock_guard<std::mutex> hold(mu_);
    for (const Kept& k : kept_)
        if (k.second > second) return;  // a slow request of a second already past: keep nothing
    // Bodies of an earlier second can never be found again: drop them, so that a page's entry
    // holds at most the bodies of one second, whatever languages and viewers came before.
    std::erase_if(kept_, [&](const Kept& k) { return k.second < second; });
    if (kept_.size() >= kCapacity) return;
    for (const Kept& k : kept_)
        if (k.key == key && k.variant == variant) return;  // the same bytes, already kept
    kept_.push_back(Kept{std::string(key), variant, second, std::move(html)});
}

}  // namespace placette::core
