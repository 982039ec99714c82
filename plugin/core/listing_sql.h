// The start of a listing statement filtered by kind, category and neighbourhood (skill listings
// and barter items), shared by both repositories.
#pragma once
#include <string>
#include <string_view>

namespace placette::core {

// Which filters a citizen chose.
struct ListingFilters {
    bool kind = false, category = false, neighbourhood = false;
    bool any() const { return kind || category || neighbourhood; }
};

// `select` (a SELECT up to its first table and alias, ending in a space) with, when filters are
// chosen, the index made for their combination: migrations 0007 and 0009 give each one an index
// `<index_prefix>_<filters>` (status, the chosen filters, then id: `idx_skill_kind_category`,
// `idx_item_all` for all three…), which lists the page's rows newest first and makes the next
// page (`id < ?`) a range on it. Left to choose, MariaDB 10.11 at times walked `(status, id)`
// instead, or intersected two of these indexes and sorted every row of the intersection. A
// FULLTEXT search (`fulltext`) keeps MariaDB's choice, since MATCH needs its own index, but
// without index intersection.
std::string FilteredListingStart(std::string_view select, std::string_view index_prefix,
                                 ListingFilters filters, bool fulltext);

}  // namespace placette::core
