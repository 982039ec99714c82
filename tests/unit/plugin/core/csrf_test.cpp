// CSRF tokens are bound to the session and the secret, and compared in constant time.
#include "plugin/core/csrf.h"

#include <cppunit/extensions/HelperMacros.h>

#include "plugin/core/crypto.h"

using placette::core::Csrf;

class CsrfTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CsrfTest);
    CPPUNIT_TEST(TokenVerifiesForItsSession);
    CPPUNIT_TEST(TokenRefusedInAnotherSession);
    CPPUNIT_TEST(TokenRefusedUnderAnotherSecret);
    CPPUNIT_TEST(EmptyOrTamperedRefused);
    CPPUNIT_TEST(KnownHmacVectors);
    CPPUNIT_TEST(RememberedTokensStayWithTheirSecret);
    CPPUNIT_TEST_SUITE_END();

  public:
    void TokenVerifiesForItsSession() {
        Csrf c("secret-0123456789abcdef0123456789");
        std::string t = c.Token("session-a");
        CPPUNIT_ASSERT(c.Verify("session-a", t));
        CPPUNIT_ASSERT_EQUAL(t, c.Token("session-a"));
    }
    void TokenRefusedInAnotherSession() {
        Csrf c("secret-0123456789abcdef0123456789");
        CPPUNIT_ASSERT(!c.Verify("session-b", c.Token("session-a")));
    }
    void TokenRefusedUnderAnotherSecret() {
        Csrf a("secret-0123456789abcdef0123456789"), b("other--0123456789abcdef0123456789");
        CPPUNIT_ASSERT(!b.Verify("s", a.Token("s")));
    }
    void EmptyOrTamperedRefused() {
        Csrf c("secret-0123456789abcdef0123456789");
        std::string t = c.Token("s");
        CPPUNIT_ASSERT(!c.Verify("s", ""));
        CPPUNIT_ASSERT(!c.Verify("", t));
        t[0] = t[0] == 'A' ? 'B' : 'A';
        CPPUNIT_ASSERT(!c.Verify("s", t));
        CPPUNIT_ASSERT(!c.Verify("s", t.substr(1)));
    }
    void RememberedTokensStayWithTheirSecret() {
        // A thread remembers the tokens it made; switching between instances (two secrets, then
        // a new instance, maybe at the same address) must never hand out another secret's token.
        const std::string key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        std::string from_a, from_b;
        {
            Csrf a("secret-0123456789abcdef0123456789"), b("other--0123456789abcdef0123456789");
            from_a = a.Token(key);
            from_b = b.Token(key);
            CPPUNIT_ASSERT(from_a != from_b);
            CPPUNIT_ASSERT_EQUAL(from_a, a.Token(key));  // asked again after b
            CPPUNIT_ASSERT(!a.Verify(key, from_b));
            CPPUNIT_ASSERT(b.Verify(key, from_b));
        }
        Csrf again("other--0123456789abcdef0123456789");
        CPPUNIT_ASSERT_EQUAL(from_b, again.Token(key));
        CPPUNIT_ASSERT(!again.Verify(key, from_a));
        // The token is the HMAC of the documented message, whether remembered or not.
        CPPUNIT_ASSERT_EQUAL(placette::core::Base64UrlEncode(placette::core::HmacSha256Raw(
                                 "other--0123456789abcdef0123456789", "placette-csrf|" + key)),
                             again.Token(key));
    }
    void KnownHmacVectors() {
        // RFC 4231 test case 2 and RFC 2202 (HMAC-MD5) test case 2.
        CPPUNIT_ASSERT_EQUAL(
            std::string("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            placette::core::HmacSha256Hex("Jefe", "what do ya want for nothing?"));
        CPPUNIT_ASSERT_EQUAL(std::string("750c783e6ab0b503eaa86e310a5db738"),
                             placette::core::HmacMd5Hex("Jefe", "what do ya want for nothing?"));
        CPPUNIT_ASSERT_EQUAL(std::string("ea5889fdb264b2a3524c2b184cf4e8ad"),
                             placette::core::Md5Hex("http://example.test"));
        CPPUNIT_ASSERT_EQUAL(std::string("Zm9vYg"), placette::core::Base64UrlEncode("foob"));
        CPPUNIT_ASSERT_EQUAL(std::string("Zm9vYg=="), placette::core::Base64Encode("foob"));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CsrfTest, "core");
