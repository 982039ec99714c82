// Request building from CGI params: path below the base path, query, cookies, body errors.
#include "fcgi/server.h"

#include <cppunit/extensions/HelperMacros.h>

#include "fcgi/response.h"

using placette::http::BuildRequest;
using placette::http::Request;
using placette::http::ServerOptions;

class ServerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ServerTest);
    CPPUNIT_TEST(PathIsRelativeToBasePath);
    CPPUNIT_TEST(FallsBackToPathInfo);
    CPPUNIT_TEST(ParsesQueryAndCookies);
    CPPUNIT_TEST(ParsesUrlEncodedBody);
    CPPUNIT_TEST(MalformedMultipartIs400);
    CPPUNIT_TEST(TooManyFieldsIs413);
    CPPUNIT_TEST(SerializeAddsLengthAndHeaders);
    CPPUNIT_TEST(SecurityHeadersAreAdded);
    CPPUNIT_TEST(FirstOfTwoEqualParamsWins);
    CPPUNIT_TEST_SUITE_END();

  public:
    Request Make(std::map<std::string, std::string> params, std::string body = "") {
        Request req;
        for (auto& [k, v] : params) req.params[k] = v;
        ServerOptions opt;
        opt.base_path = "/participer";
        opt.form_limits.max_fields = 10;
        BuildRequest(req, opt, std::move(body));
        return req;
    }

    void PathIsRelativeToBasePath() {
        Request r =
            Make({{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/participer/projects/3?x=1"}});
        CPPUNIT_ASSERT_EQUAL(std::string("/projects/3"), r.path);
        Request root = Make({{"REQUEST_URI", "/participer"}});
        CPPUNIT_ASSERT_EQUAL(std::string("/"), root.path);
        CPPUNIT_ASSERT_EQUAL(std::string("GET"), root.method);
    }

    void FallsBackToPathInfo() {
        Request r = Make({{"REQUEST_URI", "/elsewhere/x"}, {"PATH_INFO", "/skills"}});
        CPPUNIT_ASSERT_EQUAL(std::string("/skills"), r.path);
    }

    void ParsesQueryAndCookies() {
        Request r = Make({{"REQUEST_URI", "/participer/projects?q=jardin+partag%C3%A9&page=2"},
                          {"QUERY_STRING", "q=jardin+partag%C3%A9&page=2"},
                          {"HTTP_COOKIE", "a=1; wordpress_logged_in_x=alice%7C1%7Ct%7Cm"}});
        CPPUNIT_ASSERT_EQUAL(std::string("jardin partag\xC3\xA9"), r.query.GetOr("q"));
        CPPUNIT_ASSERT_EQUAL(std::string("alice|1|t|m"),
                             std::string(r.Cookie("wordpress_logged_in_x")));
    }

    void ParsesUrlEncodedBody() {
        Request r = Make({{"REQUEST_METHOD", "POST"},
                          {"CONTENT_TYPE", "application/x-www-form-urlencoded; charset=UTF-8"}},
                         "title=Un+jardin&csrf=abc");
        CPPUNIT_ASSERT_EQUAL(0, r.body_error);
        CPPUNIT_ASSERT_EQUAL(std::string("Un jardin"), r.form.GetOr("title"));
        CPPUNIT_ASSERT(r.IsWrite());
    }

    void MalformedMultipartIs400() {
        Request r =
            Make({{"REQUEST_METHOD", "POST"}, {"CONTENT_TYPE", "multipart/form-data; boundary=zz"}},
                 "--zz\r\nno headers end");
        CPPUNIT_ASSERT_EQUAL(400, r.body_error);
        Request no_boundary =
            Make({{"REQUEST_METHOD", "POST"}, {"CONTENT_TYPE", "multipart/form-data"}}, "x");
        CPPUNIT_ASSERT_EQUAL(400, no_boundary.body_error);
    }

    void TooManyFieldsIs413() {
        std::string body;
        for (int i = 0; i < 20; ++i) body += "f" + std::to_string(i) + "=1&";
        Request r = Make(
            {{"REQUEST_METHOD", "POST"}, {"CONTENT_TYPE", "application/x-www-form-urlencoded"}},
            body);
        CPPUNIT_ASSERT_EQUAL(413, r.body_error);
    }

    void SerializeAddsLengthAndHeaders() {
        auto res = placette::http::Response::Html(404, "<p>x</p>");
        std::string out = res.Serialize();
        CPPUNIT_ASSERT(out.rfind("Status: 404 Not Found\r\n", 0) == 0);
        CPPUNIT_ASSERT(out.find("Content-Length: 8\r\n\r\n<p>x</p>") != std::string::npos);
        CPPUNIT_ASSERT(res.Serialize(true).find("<p>") == std::string::npos);
        CPPUNIT_ASSERT_EQUAL(res.Serialize(true), res.Head());
        CPPUNIT_ASSERT_EQUAL(out, res.Head() + res.body);
    }

    void FirstOfTwoEqualParamsWins() {
        Request r;
        CPPUNIT_ASSERT(r.params.emplace("SCRIPT_NAME", "/participer"));
        CPPUNIT_ASSERT(r.params.emplace("HTTP_ACCEPT_LANGUAGE", "en"));
        CPPUNIT_ASSERT(!r.params.emplace("SCRIPT_NAME", "/elsewhere"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, r.params.size());
        CPPUNIT_ASSERT_EQUAL(std::string_view("/participer"), r.Param("SCRIPT_NAME"));
        CPPUNIT_ASSERT_EQUAL(std::string_view("en"), r.Header("Accept-Language"));
        CPPUNIT_ASSERT(r.Param("SCRIPT").empty());
        r.params["HTTPS"] = "on";
        CPPUNIT_ASSERT(r.IsSecure());
        r.params["HTTPS"] = "off";
        CPPUNIT_ASSERT(!r.IsSecure());
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, r.params.size());
    }

    void SecurityHeadersAreAdded() {
        auto res = placette::http::Response::Text(200, "ok");
        placette::http::AddSecurityHeaders(res);
        CPPUNIT_ASSERT(res.GetHeader("Content-Security-Policy").find("frame-ancestors 'self'") !=
                       std::string_view::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("nosniff"),
                             std::string(res.GetHeader("x-content-type-options")));
        CPPUNIT_ASSERT(!res.GetHeader("Referrer-Policy").empty());
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ServerTest, "fcgi");
