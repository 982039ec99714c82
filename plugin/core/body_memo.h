// A rendered page body kept beside the cached data it was rendered from.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace placette::core {

// A page body rendered from data held in a read cache, kept beside that data: the same data,
// language, variant and second render the same bytes, so the requests of one second share one
// rendering (one kept per language and variant, all of the same second: keeping one of a newer
// second drops those of earlier seconds). The data's
// freshness is unchanged: a write drops the cached data and this with it. `variant` is
// everything else the body depends on, as the handler counts it (e.g. whether the viewer owns
// the campaign, is staff, was just thanked): two requests with the same variant must render
// the same body from the same data in the same second.
class BodyMemo {
  public:
    std::shared_ptr<const std::string> Find(std::string_view lang, int variant,
                                            std::int64_t second) const;
    void Keep(std::string_view lang, int variant, std::int64_t second,
              std::shared_ptr<const std::string> html);

  private:
    struct Kept {
        std::string lang;
        int variant = 0;
        std::int64_t second = 0;
        std::shared_ptr<const std::string> html;
    };
    mutable std::mutex mu_;
    std::vector<Kept> kept_;
};

}  // namespace placette::core
