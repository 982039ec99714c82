#include "plugin/core/listing_sql.h"

namespace placette::core {

std::string FilteredListingStart(std::string_view select, std::string_view index_prefix,
                                 ListingFilters filters, bool fulltext) {
    std::string sql;
    if (!filters.any()) return sql.append(select);
    if (fulltext) {
        sql = "SET STATEMENT optimizer_switch = 'index_merge_intersection=off' FOR ";
        return sql.append(select);
    }
    static constexpr std::string_view kSuffix[8] = {
        "",     "neighbourhood",      "category",      "category_neighbourhood",
        "kind", "kind_neighbourhood", "kind_category", "all"};
    const int combination =
        (filters.kind ? 4 : 0) + (filters.category ? 2 : 0) + (filters.neighbourhood ? 1 : 0);
    sql.append(select).append("FORCE INDEX (").append(index_prefix).append("_");
    return sql.append(kSuffix[combination]).append(") ");
}

}  // namespace placette::core
