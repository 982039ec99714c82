// core::FilteredListingStart: the index named for each combination of filters, none without a
// filter, and MariaDB's choice (without index intersection) for a FULLTEXT search.
#include "plugin/core/listing_sql.h"

#include <cppunit/extensions/HelperMacros.h>

using placette::core::FilteredListingStart;
using placette::core::ListingFilters;

class ListingSqlTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ListingSqlTest);
    CPPUNIT_TEST(NoFilterNoHint);
    CPPUNIT_TEST(EachCombinationNamesItsIndex);
    CPPUNIT_TEST(FulltextKeepsMariadbsChoice);
    CPPUNIT_TEST_SUITE_END();

    static constexpr std::string_view kSelect = "SELECT i.id FROM t_items i ";

  public:
    void NoFilterNoHint() {
        CPPUNIT_ASSERT_EQUAL(std::string(kSelect),
                             FilteredListingStart(kSelect, "idx_item", {}, false));
        CPPUNIT_ASSERT_EQUAL(std::string(kSelect),
                             FilteredListingStart(kSelect, "idx_item", {}, true));
    }

    void EachCombinationNamesItsIndex() {
        auto hint = [](ListingFilters f) {
            return FilteredListingStart(kSelect, "idx_skill", f, false).substr(kSelect.size());
        };
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_kind) "),
                             hint({true, false, false}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_category) "),
                             hint({false, true, false}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_neighbourhood) "),
                             hint({false, false, true}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_kind_category) "),
                             hint({true, true, false}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_kind_neighbourhood) "),
                             hint({true, false, true}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_category_neighbourhood) "),
                             hint({false, true, true}));
        CPPUNIT_ASSERT_EQUAL(std::string("FORCE INDEX (idx_skill_all) "), hint({true, true, true}));
    }

    void FulltextKeepsMariadbsChoice() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("SET STATEMENT optimizer_switch = 'index_merge_intersection=off' FOR ") +
                std::string(kSelect),
            FilteredListingStart(kSelect, "idx_item", {false, true, false}, true));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ListingSqlTest, "core");
