// Unit tests for fcgi/form: percent-coding, urlencoded bodies, multipart boundaries and bodies,
// including every limit (413) and structural error (400).
#include "fcgi/form.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::http {
namespace {

// Builds a multipart body with CRLF line ends from (headers, content) parts.
struct Part {
    std::string headers;  // without the blank line
    std::string content;
};

std::string Multipart(const std::string& boundary, const std::vector<Part>& parts,
                      bool close = true) {
    std::string body;
    for (const auto& part : parts) {
        body += "--" + boundary + "\r\n" + part.headers + "\r\n\r\n" + part.content + "\r\n";
    }
    if (close) body += "--" + boundary + "--\r\n";
    return body;
}

Part Field(const std::string& name, const std::string& value) {
    return {"Content-Disposition: form-data; name=\"" + name + "\"", value};
}

Part FilePart(const std::string& name, const std::string& filename, const std::string& data) {
    return {"Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename +
                "\"\r\nContent-Type: application/octet-stream",
            data};
}

class FormTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FormTest);
    CPPUNIT_TEST(testUrlDecodeTable);
    CPPUNIT_TEST(testUrlEncodeTable);
    CPPUNIT_TEST(testUrlEncodeDecodeRoundTripsEveryByte);
    CPPUNIT_TEST(testGetReturnsFirstValueOfRepeatedName);
    CPPUNIT_TEST(testGetOrUsesFallbackWhenAbsent);
    CPPUNIT_TEST(testFileLookupByField);
    CPPUNIT_TEST(testUrlEncodedDecodesNamesAndValues);
    CPPUNIT_TEST(testUrlEncodedPairWithoutEqualsHasEmptyValue);
    CPPUNIT_TEST(testUrlEncodedSkipsEmptyPairsAndNames);
    CPPUNIT_TEST(testUrlEncodedTooManyFieldsIsTooLarge);
    CPPUNIT_TEST(testUrlEncodedLimitCountsExistingFields);
    CPPUNIT_TEST(testUrlEncodedFieldLimitAppliesToDecodedValue);
    CPPUNIT_TEST(testMultipartBoundaryTable);
    CPPUNIT_TEST(testMultipartFieldsAndFile);
    CPPUNIT_TEST(testMultipartBrowserBodyWithQuotedBoundary);
    CPPUNIT_TEST(testMultipartMissingFinalBoundaryIsMalformed);
    CPPUNIT_TEST(testMultipartMalformedTable);
    CPPUNIT_TEST(testMultipartKeepsCrlfInsideValues);
    CPPUNIT_TEST(testMultipartBareLfIsMalformed);
    CPPUNIT_TEST(testMultipartBoundaryLookalikeInContentIsData);
    CPPUNIT_TEST(testMultipartPreambleAndEpilogueIgnored);
    CPPUNIT_TEST(testMultipartQuotedParametersWithSemicolonAndEscape);
    CPPUNIT_TEST(testMultipartEmptyFileInputIsSkipped);
    CPPUNIT_TEST(testMultipartFieldOverLimitIsTooLarge);
    CPPUNIT_TEST(testMultipartTooManyFieldsIsTooLarge);
    CPPUNIT_TEST(testMultipartTooManyFilesIsTooLarge);
    CPPUNIT_TEST(testMultipartFileOverLimitIsTooLarge);
    CPPUNIT_TEST(testMultipartFileAtLimitIsAccepted);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testUrlDecodeTable() {
        struct Case {
            std::string in;
            bool plus_is_space;
            std::string want;
        };
        const std::vector<Case> cases = {
            {"a%20b", true, "a b"},
            {"a+b", true, "a b"},
            {"a+b", false, "a+b"},
            {"%41%42c", false, "ABc"},
            {"%e2%82%AC", false, "€"},
            {"%zz", false, "%zz"},
            {"100%", false, "100%"},
            {"%4", false, "%4"},
            {"%%41", false, "%A"},
            {"%2", true, "%2"},
            {"", true, ""},
            {"%00x", false, std::string("\0x", 2)},
        };
        for (const auto& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.in, c.want, UrlDecode(c.in, c.plus_is_space));
        }
    }

    void testUrlEncodeTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"", ""},         {"abcXYZ019-._~", "abcXYZ019-._~"},
            {"a b", "a%20b"}, {"x+y|z", "x%2By%7Cz"},
            {"é", "%C3%A9"},  {"a/b?c=d&e#f", "a%2Fb%3Fc%3Dd%26e%23f"},
        };
        for (const auto& [in, want] : cases) CPPUNIT_ASSERT_EQUAL_MESSAGE(in, want, UrlEncode(in));
    }

    void testUrlEncodeDecodeRoundTripsEveryByte() {
        std::string all;
        for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
        CPPUNIT_ASSERT(UrlDecode(UrlEncode(all), false) == all);
        CPPUNIT_ASSERT(UrlDecode(UrlEncode(all), true) == all);
    }

    void testGetReturnsFirstValueOfRepeatedName() {
        Form form;
        form.Add("a", "1");
        form.Add("b", "2");
        form.Add("a", "3");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), form.Get("a").value());
        CPPUNIT_ASSERT(form.GetAll("a") == (std::vector<std::string>{"1", "3"}));
        CPPUNIT_ASSERT(!form.Get("c").has_value());
    }

    void testGetOrUsesFallbackWhenAbsent() {
        Form form;
        form.Add("a", "");
        CPPUNIT_ASSERT_EQUAL(std::string(""), form.GetOr("a", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string("x"), form.GetOr("b", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), form.GetOr("b"));
    }

    void testFileLookupByField() {
        Form form;
        form.AddFile({"photo", "a.png", "image/png", "PNG"});
        CPPUNIT_ASSERT(form.File("doc") == nullptr);
        const UploadedFile* file = form.File("photo");
        CPPUNIT_ASSERT(file != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::string("a.png"), file->filename);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, form.size());
    }

    void testUrlEncodedDecodesNamesAndValues() {
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("na+me=x%26y%3D+z&b=%C3%A9", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::string("x&y= z"), form.GetOr("na me"));
        CPPUNIT_ASSERT_EQUAL(std::string("é"), form.GetOr("b"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, form.size());
    }

    void testUrlEncodedPairWithoutEqualsHasEmptyValue() {
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("flag&x=1=2", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::string(""), form.Get("flag").value());
        CPPUNIT_ASSERT_EQUAL(std::string("1=2"), form.GetOr("x"));
    }

    void testUrlEncodedSkipsEmptyPairsAndNames() {
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("&&a=1&&=orphan&", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, form.size());
        CPPUNIT_ASSERT_EQUAL(std::string("1"), form.GetOr("a"));
    }

    void testUrlEncodedTooManyFieldsIsTooLarge() {
        FormLimits limits;
        limits.max_fields = 3;
        Form ok;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("a=1&b=2&c=3", limits, ok, err));
        Form over;
        CPPUNIT_ASSERT(!ParseUrlEncoded("a=1&b=2&c=3&d=4", limits, over, err));
        CPPUNIT_ASSERT(err.too_large);
        CPPUNIT_ASSERT(!err.reason.empty());
    }

    void testUrlEncodedLimitCountsExistingFields() {
        FormLimits limits;
        limits.max_fields = 2;
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("q=1", limits, form, err));
        CPPUNIT_ASSERT(!ParseUrlEncoded("a=1&b=2", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testUrlEncodedFieldLimitAppliesToDecodedValue() {
        FormLimits limits;
        limits.max_field_bytes = 4;
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseUrlEncoded("a=%41%41%41%41", limits, form, err));
        CPPUNIT_ASSERT(!ParseUrlEncoded("b=12345", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testMultipartBoundaryTable() {
        const std::string b70(70, 'x');
        const std::vector<std::pair<std::string, std::optional<std::string>>> cases = {
            {"multipart/form-data; boundary=abc", "abc"},
            {"multipart/form-data;boundary=abc ", "abc"},
            {"Multipart/Form-Data; BOUNDARY=AbC", "AbC"},
            {"multipart/form-data; boundary=\"a b;c\"", "a b;c"},
            {"multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundary7MA4YW",
             "----WebKitFormBoundary7MA4YW"},
            {"multipart/form-data; x=\"boundary=no\"; boundary=yes", "yes"},
            {"multipart/form-data; boundary=" + b70, b70},
            {"multipart/form-data; boundary=" + b70 + "x", std::nullopt},
            {"multipart/form-data; boundary=", std::nullopt},
            {"multipart/form-data; boundary=\"\"", std::nullopt},
            {"multipart/form-data", std::nullopt},
            {"multipart/form-data; charset=utf-8", std::nullopt},
            {"text/plain; boundary=abc", std::nullopt},
            {"", std::nullopt},
        };
        for (const auto& [header, want] : cases) {
            CPPUNIT_ASSERT_MESSAGE(header, MultipartBoundary(header) == want);
        }
    }

    void testMultipartFieldsAndFile() {
        const std::string data("\x89PNG\r\n\x1a\n\0--bin--\r\n", 17);
        const std::string body = Multipart(
            "XyZ", {Field("title", "Jardin partagé"), FilePart("photo", "jardin.png", data),
                    Field("tags", "a"), Field("tags", "b")});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "XyZ", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::string("Jardin partagé"), form.GetOr("title"));
        CPPUNIT_ASSERT(form.GetAll("tags") == (std::vector<std::string>{"a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, form.Files().size());
        const UploadedFile* file = form.File("photo");
        CPPUNIT_ASSERT(file != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::string("jardin.png"), file->filename);
        CPPUNIT_ASSERT_EQUAL(std::string("application/octet-stream"), file->content_type);
        CPPUNIT_ASSERT(file->data == data);
        CPPUNIT_ASSERT(!form.Get("photo").has_value());
    }

    void testMultipartBrowserBodyWithQuotedBoundary() {
        const auto boundary =
            MultipartBoundary("multipart/form-data; boundary=\"simple boundary:1\"");
        CPPUNIT_ASSERT(boundary.has_value());
        const std::string body =
            "--simple boundary:1\r\n"
            "content-disposition: form-data; name=\"csrf\"\r\n"
            "\r\n"
            "tok\r\n"
            "--simple boundary:1\r\n"
            "Content-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n"
            "Content-Type: text/plain\r\n"
            "\r\n"
            "hello\r\n"
            "--simple boundary:1--\r\n";
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, *boundary, {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::string("tok"), form.GetOr("csrf"));
        CPPUNIT_ASSERT_EQUAL(std::string("text/plain"), form.File("doc")->content_type);
        CPPUNIT_ASSERT_EQUAL(std::string("hello"), form.File("doc")->data);
    }

    void testMultipartMissingFinalBoundaryIsMalformed() {
        const std::string body = Multipart("b", {Field("a", "1"), Field("c", "2")}, false);
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", {}, form, err));
        CPPUNIT_ASSERT(!err.too_large);
        CPPUNIT_ASSERT(!err.reason.empty());
    }

    void testMultipartMalformedTable() {
        const std::string ok_part = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1";
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"empty body", ""},
            {"no boundary at all", "hello"},
            {"truncated inside a part", ok_part},
            {"truncated headers", "--b\r\nContent-Disposition: form-data; name=\"a\""},
            {"headers without CRLFCRLF",
             "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n--b--\r\n"},
            {"no Content-Disposition", "--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--\r\n"},
            {"no headers", "--b\r\n\r\n1\r\n--b--\r\n"},
            {"disposition without name",
             "--b\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\n1\r\n--b--\r\n"},
            {"empty name", "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--b--"},
            {"not form-data",
             "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--b--\r\n"},
            {"header line without colon",
             "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nJunk\r\n\r\n1\r\n--b--\r\n"},
            {"boundary followed by junk", "--bX\r\n\r\n--b--"},
            {"wrong boundary", Multipart("other", {Field("a", "1")})},
        };
        for (const auto& [label, body] : cases) {
            Form form;
            FormError err;
            CPPUNIT_ASSERT_MESSAGE(label, !ParseMultipart(body, "b", {}, form, err));
            CPPUNIT_ASSERT_MESSAGE(label, !err.too_large);
        }
    }

    void testMultipartKeepsCrlfInsideValues() {
        const std::string body = Multipart("b", {Field("text", "line1\r\nline2\r\n\r\n")});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "b", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::string("line1\r\nline2\r\n\r\n"), form.GetOr("text"));
    }

    void testMultipartBareLfIsMalformed() {
        const std::string body = "--b\nContent-Disposition: form-data; name=\"a\"\n\n1\n--b--\n";
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", {}, form, err));
        CPPUNIT_ASSERT(!err.too_large);
    }

    void testMultipartBoundaryLookalikeInContentIsData() {
        const std::string value = "x--bound inside, \n--bound after LF, --bound--";
        const std::string body = Multipart("bound", {Field("a", value)});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "bound", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(value, form.GetOr("a"));
    }

    void testMultipartPreambleAndEpilogueIgnored() {
        const std::string body = "preamble text\r\n" + Multipart("b", {Field("a", "1")}) +
                                 "epilogue\r\n--b\r\nContent-Disposition: x\r\n\r\n";
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "b", {}, form, err));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, form.size());
        CPPUNIT_ASSERT_EQUAL(std::string("1"), form.GetOr("a"));
    }

    void testMultipartQuotedParametersWithSemicolonAndEscape() {
        const std::string body = Multipart(
            "b", {{"Content-Disposition: form-data; name=\"a;b\"; filename=\"say \\\"hi\\\".txt\"",
                   "x"}});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "b", {}, form, err));
        const UploadedFile* file = form.File("a;b");
        CPPUNIT_ASSERT(file != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::string("say \"hi\".txt"), file->filename);
        CPPUNIT_ASSERT_EQUAL(std::string(""), file->content_type);
    }

    void testMultipartEmptyFileInputIsSkipped() {
        const std::string body = Multipart("b", {FilePart("photo", "", ""), Field("a", "1")});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "b", {}, form, err));
        CPPUNIT_ASSERT(form.File("photo") == nullptr);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, form.size());
    }

    void testMultipartFieldOverLimitIsTooLarge() {
        FormLimits limits;
        limits.max_field_bytes = 10;
        const std::string body = Multipart("b", {Field("a", std::string(11, 'x'))});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testMultipartTooManyFieldsIsTooLarge() {
        FormLimits limits;
        limits.max_fields = 3;
        const std::string body = Multipart(
            "b", {Field("a", "1"), Field("b", "2"), FilePart("f", "x", "y"), Field("c", "3")});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testMultipartTooManyFilesIsTooLarge() {
        FormLimits limits;
        limits.max_files = 2;
        const std::string body = Multipart(
            "b", {FilePart("f", "1", "a"), FilePart("f", "2", "b"), FilePart("f", "3", "c")});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testMultipartFileOverLimitIsTooLarge() {
        FormLimits limits;
        limits.max_file_bytes = 100;
        const std::string body = Multipart("b", {FilePart("f", "big.bin", std::string(101, 'z'))});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(!ParseMultipart(body, "b", limits, form, err));
        CPPUNIT_ASSERT(err.too_large);
    }

    void testMultipartFileAtLimitIsAccepted() {
        FormLimits limits;
        limits.max_file_bytes = 100;
        limits.max_field_bytes = 1;  // files are measured against max_file_bytes only
        const std::string body = Multipart("b", {FilePart("f", "ok.bin", std::string(100, 'z'))});
        Form form;
        FormError err;
        CPPUNIT_ASSERT(ParseMultipart(body, "b", limits, form, err));
        CPPUNIT_ASSERT_EQUAL(std::size_t{100}, form.File("f")->data.size());
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FormTest, "fcgi");

}  // namespace
}  // namespace placette::http
