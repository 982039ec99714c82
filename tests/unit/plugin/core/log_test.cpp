// Unit tests for plugin/core/log: buffered lines wait until a flush, go out before any later
// immediate line (order kept), are written on their own once 32 KiB have gathered, and the
// flusher thread writes them unasked and at its stop.
#include "plugin/core/log.h"

#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace placette::core {
namespace {

// Sends stderr to a temporary file for the test's duration.
class CapturedStderr {
  public:
    CapturedStderr() : file_(std::tmpfile()), saved_(::dup(STDERR_FILENO)) {
        FlushBufferedLog();
        ::dup2(::fileno(file_), STDERR_FILENO);
    }
    ~CapturedStderr() {
        FlushBufferedLog();
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
        std::fclose(file_);
    }
    std::string Text() const {
        std::string out;
        char buf[4096];
        for (off_t at = 0;;) {
            ssize_t n = ::pread(::fileno(file_), buf, sizeof buf, at);
            if (n <= 0) break;
            out.append(buf, static_cast<std::size_t>(n));
            at += n;
        }
        return out;
    }

  private:
    std::FILE* file_;
    int saved_;
};

class LogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LogTest);
    CPPUNIT_TEST(BufferedLinesWaitForAFlush);
    CPPUNIT_TEST(ImmediateLineComesAfterBufferedOnes);
    CPPUNIT_TEST(FullBufferIsWrittenOnItsOwn);
    CPPUNIT_TEST(FlusherWritesWithoutBeingAsked);
    CPPUNIT_TEST_SUITE_END();

  public:
    void BufferedLinesWaitForAFlush() {
        CapturedStderr err;
        LogBuffered(LogLevel::kInfo, "access path=/a");
        LogBuffered(LogLevel::kInfo, "access path=/b\nforged=1");
        CPPUNIT_ASSERT_EQUAL(std::string(), err.Text());
        FlushBufferedLog();
        const std::string text = err.Text();
        CPPUNIT_ASSERT(text.find(" level=info access path=/a\n") != std::string::npos);
        CPPUNIT_ASSERT(text.find(" level=info access path=/b forged=1\n") != std::string::npos);
        CPPUNIT_ASSERT(text.find("/a") < text.find("/b"));
        FlushBufferedLog();
        CPPUNIT_ASSERT_EQUAL(text, err.Text());
    }

    void ImmediateLineComesAfterBufferedOnes() {
        CapturedStderr err;
        LogBuffered(LogLevel::kInfo, "access path=/first");
        LogError("msg=\"then this\"");
        const std::string text = err.Text();
        CPPUNIT_ASSERT(text.find("path=/first") != std::string::npos);
        CPPUNIT_ASSERT(text.find("level=error msg=\"then this\"") != std::string::npos);
        CPPUNIT_ASSERT(text.find("path=/first") < text.find("then this"));
    }

    void FullBufferIsWrittenOnItsOwn() {
        CapturedStderr err;
        const std::string path(200, 'p');
        for (int i = 0; i < 200; ++i) LogBuffered(LogLevel::kInfo, "access path=/" + path);
        const std::size_t written = err.Text().size();
        CPPUNIT_ASSERT(written >= 32 * 1024);
        FlushBufferedLog();
        std::string text = err.Text();
        std::size_t lines = 0;
        for (char c : text) lines += c == '\n';
        CPPUNIT_ASSERT_EQUAL(std::size_t{200}, lines);
    }

    void FlusherWritesWithoutBeingAsked() {
        CapturedStderr err;
        StartLogFlusher();
        StartLogFlusher();  // a second start changes nothing
        LogBuffered(LogLevel::kInfo, "access path=/by-the-flusher");
        bool seen = false;
        for (int i = 0; i < 100 && !seen; ++i) {  // 200 ms in principle; up to 5 s on a busy CI
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            seen = err.Text().find("path=/by-the-flusher") != std::string::npos;
        }
        CPPUNIT_ASSERT(seen);
        LogBuffered(LogLevel::kInfo, "access path=/left-at-stop");
        StopLogFlusher();
        CPPUNIT_ASSERT(err.Text().find("path=/left-at-stop") != std::string::npos);
        StopLogFlusher();  // a second stop changes nothing
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LogTest, "core");

}  // namespace
}  // namespace placette::core
