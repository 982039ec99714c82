// Unit tests for plugin/exchange/image: type sniffing from magic bytes (table), header dimensions,
// and re-encoding of tiny real JPEG/PNG/GIF/WebP pictures made here with libgd: EXIF and text
// chunks never survive, big pictures are scaled down, anything else is refused with a reason.
#include "plugin/exchange/image.h"

#include <cppunit/extensions/HelperMacros.h>
#include <gd.h>

#include <string>
#include <vector>

namespace placette::exchange {
namespace {

using namespace std::string_literals;

enum class Fmt { kJpeg, kPng, kGif, kWebp };

// A w×h gradient encoded by libgd.
std::string Make(Fmt f, int w, int h) {
    gdImagePtr im = gdImageCreateTrueColor(w, h);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) gdImageSetPixel(im, x, y, gdTrueColor(x % 256, y % 256, 90));
    }
    int size = 0;
    void* p = f == Fmt::kJpeg  ? gdImageJpegPtr(im, &size, 80)
              : f == Fmt::kPng ? gdImagePngPtr(im, &size)
              : f == Fmt::kGif ? gdImageGifPtr(im, &size)
                               : gdImageWebpPtr(im, &size);
    std::string out(static_cast<const char*>(p), static_cast<std::size_t>(size));
    gdFree(p);
    gdImageDestroy(im);
    return out;
}

// Inserts an APP1 Exif segment with GPS text right after the JPEG's SOI marker.
std::string WithExif(const std::string& jpeg) {
    std::string payload = "Exif\0\0MM\0*GPSLatitude=48.85N GPSLongitude=2.35E"s;
    std::size_t len = payload.size() + 2;
    std::string app1 = "\xFF\xE1";
    app1 += static_cast<char>(len >> 8);
    app1 += static_cast<char>(len & 0xFF);
    return jpeg.substr(0, 2) + app1 + payload + jpeg.substr(2);
}

std::uint32_t Crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return crc ^ 0xFFFFFFFFu;
}

std::string Be32(std::uint32_t v) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
    return s;
}

// A well-formed PNG chunk.
std::string Chunk(const std::string& type, const std::string& data) {
    return Be32(static_cast<std::uint32_t>(data.size())) + type + data + Be32(Crc32(type + data));
}

// A PNG header claiming w×h, followed by nothing decodable.
std::string PngHeader(std::uint32_t w, std::uint32_t h) {
    std::string s = "\x89PNG\r\n\x1A\n";
    s += std::string("\0\0\0\x0DIHDR", 8);
    for (std::uint32_t v : {w, h}) {
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
    }
    s += std::string("\x08\x02\0\0\0\0\0\0\0", 9);
    return s;
}

class ImageTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImageTest);
    CPPUNIT_TEST(testSniffTable);
    CPPUNIT_TEST(testDimensionsFromHeaders);
    CPPUNIT_TEST(testJpegExifIsGone);
    CPPUNIT_TEST(testPngTextChunkIsGoneAndTypeKept);
    CPPUNIT_TEST(testGifBecomesPngAndWebpStaysWebp);
    CPPUNIT_TEST(testLargePictureIsScaledDown);
    CPPUNIT_TEST(testRefusals);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testSniffTable() {
        const std::vector<std::pair<std::string, ImageType>> table = {
            {std::string("\xFF\xD8\xFF\xE0", 4), ImageType::kJpeg},
            {"\x89PNG\r\n\x1A\nrest", ImageType::kPng},
            {"RIFF\x10\0\0\0WEBPVP8 "s, ImageType::kWebp},
            {"GIF89a....", ImageType::kGif},
            {"GIF87a....", ImageType::kGif},
            {"%PDF-1.7", ImageType::kUnknown},
            {"<svg xmlns=", ImageType::kUnknown},
            {"RIFF\x10\0\0\0WAVE"s, ImageType::kUnknown},
            {"\xFF\xD8", ImageType::kUnknown},
            {"", ImageType::kUnknown},
            {"BM\x36\0\0\0", ImageType::kUnknown},
        };
        for (const auto& [bytes, type] : table) CPPUNIT_ASSERT(SniffImage(bytes) == type);
    }

    void testDimensionsFromHeaders() {
        for (Fmt f : {Fmt::kJpeg, Fmt::kPng, Fmt::kGif, Fmt::kWebp}) {
            std::string bytes = Make(f, 37, 21);
            auto d = ReadDimensions(bytes, SniffImage(bytes));
            CPPUNIT_ASSERT(d.has_value());
            CPPUNIT_ASSERT_EQUAL(37, d->width);
            CPPUNIT_ASSERT_EQUAL(21, d->height);
        }
        auto big = ReadDimensions(PngHeader(20000, 30000), ImageType::kPng);
        CPPUNIT_ASSERT_EQUAL(20000, big->width);
    }

    void testJpegExifIsGone() {
        std::string in = WithExif(Make(Fmt::kJpeg, 16, 12));
        CPPUNIT_ASSERT(in.find("GPSLatitude") != std::string::npos);
        Photo p = ProcessPhoto(in, 1 << 20, 1600);
        CPPUNIT_ASSERT(p.error == PhotoError::kNone);
        CPPUNIT_ASSERT_EQUAL(std::string("image/jpeg"), p.content_type);
        CPPUNIT_ASSERT(SniffImage(p.bytes) == ImageType::kJpeg);
        CPPUNIT_ASSERT(p.bytes.find("Exif") == std::string::npos);
        CPPUNIT_ASSERT(p.bytes.find("GPS") == std::string::npos);
        CPPUNIT_ASSERT_EQUAL(16, p.width);
        CPPUNIT_ASSERT_EQUAL(12, p.height);
    }

    void testPngTextChunkIsGoneAndTypeKept() {
        std::string png = Make(Fmt::kPng, 10, 10);
        png.insert(8 + 25, Chunk("tEXt", "Location\0GPS 48.85N 2.35E"s));  // after IHDR
        CPPUNIT_ASSERT(png.find("GPS 48.85N") != std::string::npos);
        Photo p = ProcessPhoto(png, 1 << 20, 1600);
        CPPUNIT_ASSERT(p.error == PhotoError::kNone);
        CPPUNIT_ASSERT_EQUAL(std::string("image/png"), p.content_type);
        CPPUNIT_ASSERT(p.bytes.find("Location") == std::string::npos);
        CPPUNIT_ASSERT(p.bytes.find("GPS") == std::string::npos);
        Photo clean = ProcessPhoto(Make(Fmt::kPng, 10, 10), 1 << 20, 1600);
        CPPUNIT_ASSERT(clean.error == PhotoError::kNone);
        CPPUNIT_ASSERT(clean.bytes.find("tEXt") == std::string::npos);
    }

    void testGifBecomesPngAndWebpStaysWebp() {
        Photo gif = ProcessPhoto(Make(Fmt::kGif, 8, 8), 1 << 20, 1600);
        CPPUNIT_ASSERT(gif.error == PhotoError::kNone);
        CPPUNIT_ASSERT_EQUAL(std::string("image/png"), gif.content_type);
        Photo webp = ProcessPhoto(Make(Fmt::kWebp, 8, 8), 1 << 20, 1600);
        CPPUNIT_ASSERT(webp.error == PhotoError::kNone);
        CPPUNIT_ASSERT_EQUAL(std::string("image/webp"), webp.content_type);
        CPPUNIT_ASSERT(SniffImage(webp.bytes) == ImageType::kWebp);
    }

    void testLargePictureIsScaledDown() {
        Photo p = ProcessPhoto(Make(Fmt::kJpeg, 400, 100), 1 << 22, 200);
        CPPUNIT_ASSERT(p.error == PhotoError::kNone);
        CPPUNIT_ASSERT_EQUAL(200, p.width);
        CPPUNIT_ASSERT_EQUAL(50, p.height);
    }

    void testRefusals() {
        CPPUNIT_ASSERT(ProcessPhoto("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", 1 << 20, 1600).error ==
                       PhotoError::kNotImage);
        std::string jpeg = Make(Fmt::kJpeg, 16, 16);
        CPPUNIT_ASSERT(ProcessPhoto(jpeg, jpeg.size() - 1, 1600).error == PhotoError::kTooLarge);
        CPPUNIT_ASSERT(ProcessPhoto(PngHeader(20000, 30000), 1 << 20, 1600).error ==
                       PhotoError::kTooManyPixels);
        CPPUNIT_ASSERT(ProcessPhoto(PngHeader(100, 100), 1 << 20, 1600).error ==
                       PhotoError::kUndecodable);
        std::string truncated = jpeg.substr(0, 40);
        CPPUNIT_ASSERT(ProcessPhoto(truncated, 1 << 20, 1600).error != PhotoError::kNone);
        CPPUNIT_ASSERT(ProcessPhoto("\xFF\xD8\xFFgarbage", 1 << 20, 1600).error ==
                       PhotoError::kUndecodable);
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageTest, "exchange");

}  // namespace
}  // namespace placette::exchange
