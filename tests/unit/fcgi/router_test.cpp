// Router: typed captures, 404 vs 405 with Allow, HEAD on GET routes, slugs, URL building.
#include "fcgi/router.h"

#include <cppunit/extensions/HelperMacros.h>

using placette::http::Request;
using placette::http::RouteMatch;
using placette::http::Router;

class RouterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RouterTest);
    CPPUNIT_TEST(MatchesLiteralAndIntCapture);
    CPPUNIT_TEST(RejectsNonDigitsForInt);
    CPPUNIT_TEST(UnknownPathIsNotFound);
    CPPUNIT_TEST(WrongMethodListsAllowed);
    CPPUNIT_TEST(HeadFallsBackToGet);
    CPPUNIT_TEST(TrailingSlugIsCaptured);
    CPPUNIT_TEST(StringCaptureIsDecoded);
    CPPUNIT_TEST(UrlForSubstitutesAndEncodes);
    CPPUNIT_TEST(UrlForUnknownNameThrows);
    CPPUNIT_TEST(DuplicateRouteThrows);
    CPPUNIT_TEST(MalformedPatternThrows);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        router_ = Router("/participer");
        home_ = router_.Add("GET", "/", "home");
        show_ = router_.Add("GET", "/projects/{id:int}", "project");
        update_ = router_.Add("POST", "/projects/{id:int}", "project");
        edit_ = router_.Add("GET", "/projects/{id:int}/edit", "project_edit");
        router_.Add("GET", "/people/{name}", "person");
    }

    RouteMatch Go(const std::string& method, const std::string& path, Request& req) {
        req.method = method;
        req.path = path;
        return router_.Match(req);
    }

    void MatchesLiteralAndIntCapture() {
        Request req;
        RouteMatch m = Go("GET", "/projects/42/edit", req);
        CPPUNIT_ASSERT(m.kind == RouteMatch::Kind::kFound);
        CPPUNIT_ASSERT_EQUAL(edit_, m.id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{42}, req.RouteInt("id"));
        Request root;
        CPPUNIT_ASSERT_EQUAL(home_, Go("GET", "/", root).id);
    }

    void RejectsNonDigitsForInt() {
        Request req;
        CPPUNIT_ASSERT(Go("GET", "/projects/4x2", req).kind == RouteMatch::Kind::kNotFound);
        CPPUNIT_ASSERT(Go("GET", "/projects/-1", req).kind == RouteMatch::Kind::kNotFound);
        CPPUNIT_ASSERT(Go("GET", "/projects/99999999999999999999", req).kind ==
                       RouteMatch::Kind::kNotFound);
    }

    void UnknownPathIsNotFound() {
        Request req;
        CPPUNIT_ASSERT(Go("GET", "/nowhere", req).kind == RouteMatch::Kind::kNotFound);
        CPPUNIT_ASSERT(Go("GET", "/projects/1/edit/more", req).kind == RouteMatch::Kind::kNotFound);
    }

    void WrongMethodListsAllowed() {
        Request req;
        RouteMatch m = Go("DELETE", "/projects/7", req);
        CPPUNIT_ASSERT(m.kind == RouteMatch::Kind::kMethodNotAllowed);
        CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD, POST"), m.allow);
    }

    void HeadFallsBackToGet() {
        Request req;
        RouteMatch m = Go("HEAD", "/projects/7", req);
        CPPUNIT_ASSERT(m.kind == RouteMatch::Kind::kFound);
        CPPUNIT_ASSERT_EQUAL(show_, m.id);
        Request post;
        CPPUNIT_ASSERT_EQUAL(update_, Go("POST", "/projects/7", post).id);
    }

    void TrailingSlugIsCaptured() {
        Request req;
        RouteMatch m = Go("GET", "/projects/12-jardin-partage", req);
        CPPUNIT_ASSERT(m.kind == RouteMatch::Kind::kFound);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{12}, req.RouteInt("id"));
        CPPUNIT_ASSERT_EQUAL(std::string("jardin-partage"), req.RouteParam("id_slug"));
    }

    void StringCaptureIsDecoded() {
        Request req;
        CPPUNIT_ASSERT(Go("GET", "/people/Chlo%C3%A9", req).kind == RouteMatch::Kind::kFound);
        CPPUNIT_ASSERT_EQUAL(std::string("Chlo\xC3\xA9"), req.RouteParam("name"));
    }

    void UrlForSubstitutesAndEncodes() {
        CPPUNIT_ASSERT_EQUAL(std::string("/participer/projects/5/edit"),
                             router_.UrlFor("project_edit", {{"id", "5"}}));
        CPPUNIT_ASSERT_EQUAL(std::string("/participer/"), router_.UrlFor("home"));
        CPPUNIT_ASSERT_EQUAL(std::string("/participer/people/a%20b%2Fc"),
                             router_.UrlFor("person", {{"name", "a b/c"}}));
    }

    void UrlForUnknownNameThrows() {
        CPPUNIT_ASSERT_THROW(router_.UrlFor("nope"), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(router_.UrlFor("project"), std::invalid_argument);
    }

    void DuplicateRouteThrows() {
        CPPUNIT_ASSERT_THROW(router_.Add("GET", "/", "again"), std::invalid_argument);
    }

    void MalformedPatternThrows() {
        CPPUNIT_ASSERT_THROW(router_.Add("GET", "x", "a"), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(router_.Add("GET", "/a/{id:float}", "b"), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(router_.Add("GET", "/a/{id", "c"), std::invalid_argument);
    }

  private:
    Router router_;
    std::size_t home_ = 0, show_ = 0, update_ = 0, edit_ = 0;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RouterTest, "fcgi");
