// A page body (or a block of one) rendered from data held in a read cache, kept beside that data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace placette::core {

// A page body rendered from data held in a read cache, kept beside that data: the same data,
// key, variant and second render the same bytes, so the requests of one second share one
// rendering (one kept per key and variant, all of the same second: keeping one of a newer second
// drops those of earlier seconds). The data's freshness is unchanged: a write drops the cached
// data and this with it.
// `key` is the language, followed by whatever else of the request the body shows that the
// cache entry's own key does not fix (e.g. the query string as typed, echoed in a search form);
// `variant` is everything else the body depends on, as the handler counts it (e.g. whether the
// viewer owns the campaign, is staff, was just thanked): two requests with the same key and
// variant must render the same body from the same data in the same second.
class BodyMemo {
  public:
    // At most this many bodies are kept for one second; more distinct keys (e.g. many query
    // strings landing on one cache entry) are rendered for each request.
    static constexpr std::size_t kCapacity = 16;

    std::shared_ptr<const std::string> Find(std::string_view key, int variant,
                                            std::int64_t second) const;
    void Keep(std::string_view key, int variant, std::int64_t second,
              std::shared_ptr<const std::string> html);

  private:
    struct Kept {
        std::string key;
        int variant = 0;
        std::int64_t second = 0;
        std::shared_ptr<const std::string> html;
    };
    mutable std::mutex mu_;
    std::vector<Kept> kept_;
};

}  // namespace placette::core
