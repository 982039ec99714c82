// Sniffing, header dimensions and libgd re-encoding of item photos (RAII for gdImage and buffers).
#include "plugin/exchange/image.h"

#include <gd.h>

#include <cstdarg>
#include <memory>
#include <mutex>

namespace placette::exchange {

namespace {
struct ImageDeleter {
    void operator()(gdImage* im) const noexcept {
        if (im != nullptr) gdImageDestroy(im);
    }
};
using ImagePtr = std::unique_ptr<gdImage, ImageDeleter>;

struct BufferDeleter {
    void operator()(void* p) const noexcept {
        if (p != nullptr) gdFree(p);
    }
};
using BufferPtr = std::unique_ptr<void, BufferDeleter>;

std::uint32_t Be16(std::string_view b, std::size_t i) {
    return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}
std::uint32_t Be32(std::string_view b, std::size_t i) {
    return (Be16(b, i) << 16) | Be16(b, i + 2);
}
std::uint32_t Le16(std::string_view b, std::size_t i) {
    return static_cast<unsigned char>(b[i]) | (static_cast<unsigned char>(b[i + 1]) << 8);
}
std::uint32_t Le24(std::string_view b, std::size_t i) {
    return Le16(b, i) | (static_cast<std::uint32_t>(static_cast<unsigned char>(b[i + 2])) << 16);
}

std::optional<Dimensions> JpegDimensions(std::string_view b) {
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
        const auto marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        const std::uint32_t len = Be16(b, i + 2);
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof)
            return Dimensions{static_cast<int>(Be16(b, i + 7)), static_cast<int>(Be16(b, i + 5))};
        if (len < 2) return std::nullopt;
        i += 2 + len;
    }
    return std::nullopt;
}

std::optional<Dimensions> WebpDimensions(std::string_view b) {
    if (b.size() < 30) return std::nullopt;
    std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8X")
        return Dimensions{static_cast<int>(Le24(b, 24) + 1), static_cast<int>(Le24(b, 27) + 1)};
    if (chunk == "VP8 ") {
        return Dimensions{static_cast<int>(Le16(b, 26) & 0x3FFF),
                          static_cast<int>(Le16(b, 28) & 0x3FFF)};
    }
    if (chunk == "VP8L" && static_cast<unsigned char>(b[20]) == 0x2F) {
        const std::uint32_t bits =
            static_cast<unsigned char>(b[21]) | (static_cast<unsigned char>(b[22]) << 8) |
            (static_cast<unsigned char>(b[23]) << 16) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(b[24])) << 24);
        return Dimensions{static_cast<int>((bits & 0x3FFF) + 1),
                          static_cast<int>(((bits >> 14) & 0x3FFF) + 1)};
    }
    return std::nullopt;
}

// libgd prints its warnings on stderr; a refused photo is an expected outcome, not a log line.
void QuietErrors(int, const char*, va_list) {}

ImagePtr Decode(std::string_view bytes, ImageType type) {
    static std::once_flag quiet;
    std::call_once(quiet, [] { gdSetErrorMethod(QuietErrors); });
    void* data = const_cast<char*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    switch (type) {
        case ImageType::kJpeg:
            return ImagePtr(gdImageCreateFromJpegPtrEx(size, data, 1));
        case ImageType::kPng:
            return ImagePtr(gdImageCreateFromPngPtr(size, data));
        case ImageType::kWebp:
            return ImagePtr(gdImageCreateFromWebpPtr(size, data));
        case ImageType::kGif:
            return ImagePtr(gdImageCreateFromGifPtr(size, data));
        case ImageType::kUnknown:
            break;
    }
    return nullptr;
}

// Scales down (never up) to fit max_side; returns the original when it already fits.
ImagePtr FitInside(ImagePtr im, int max_side) {
    const int w = gdImageSX(im.get()), h = gdImageSY(im.get());
    if (w <= max_side && h <= max_side) return im;
    const double scale = static_cast<double>(max_side) / (w > h ? w : h);
    const int nw = std::max(1, static_cast<int>(w * scale)),
              nh = std::max(1, static_cast<int>(h * scale));
    gdImageSetInterpolationMethod(im.get(), GD_BILINEAR_FIXED);
    ImagePtr scaled(gdImageScale(im.get(), static_cast<unsigned>(nw), static_cast<unsigned>(nh)));
    return scaled ? std::move(scaled) : std::move(im);
}

std::string Encode(gdImage* im, ImageType type, std::string& content_type) {
    int size = 0;
    BufferPtr buf;
    if (type == ImageType::kJpeg) {
        content_type = "image/jpeg";
        buf.reset(gdImageJpegPtr(im, &size, 85));
    } else if (type == ImageType::kWebp) {
        content_type = "image/webp";
        buf.reset(gdImageWebpPtrEx(im, &size, 85));
    } else {
        content_type = "image/png";
        gdImageSaveAlpha(im, 1);
        buf.reset(gdImagePngPtr(im, &size));
    }
    if (!buf || size <= 0) return "";
    return std::string(static_cast<const char*>(buf.get()), static_cast<std::size_t>(size));
}
}  // namespace

ImageType SniffImage(std::string_view b) {
    if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return ImageType::kJpeg;
    if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return ImageType::kPng;
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP")
        return ImageType::kWebp;
    if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a"))
        return ImageType::kGif;
    return ImageType::kUnknown;
}

std::optional<Dimensions> ReadDimensions(std::string_view b, ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return JpegDimensions(b);
        case ImageType::kPng:
            if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
            return Dimensions{static_cast<int>(Be32(b, 16)), static_cast<int>(Be32(b, 20))};
        case ImageType::kWebp:
            return WebpDimensions(b);
        case ImageType::kGif:
            if (b.size() < 10) return std::nullopt;
            return Dimensions{static_cast<int>(Le16(b, 6)), static_cast<int>(Le16(b, 8))};
        case ImageType::kUnknown:
            break;
    }
    return std::nullopt;
}

Photo ProcessPhoto(std::string_view bytes, std::size_t max_bytes, int max_side) {
    Photo out;
    if (bytes.size() > max_bytes) {
        out.error = PhotoError::kTooLarge;
        return out;
    }
    const ImageType type = SniffImage(bytes);
    if (type == ImageType::kUnknown) {
        out.error = PhotoError::kNotImage;
        return out;
    }
    auto dims = ReadDimensions(bytes, type);
    if (!dims || dims->width <= 0 || dims->height <= 0) {
        out.error = PhotoError::kUndecodable;
        return out;
    }
    if (static_cast<std::int64_t>(dims->width) * dims->height > kMaxPixels) {
        out.error = PhotoError::kTooManyPixels;
        return out;
    }
    ImagePtr im = Decode(bytes, type);
    if (!im) {
        out.error = PhotoError::kUndecodable;
        return out;
    }
    if (!gdImageTrueColor(im.get())) gdImagePaletteToTrueColor(im.get());
    im = FitInside(std::move(im), max_side);
    out.bytes = Encode(im.get(), type, out.content_type);
    if (out.bytes.empty()) {
        out.error = PhotoError::kUndecodable;
        return out;
    }
    out.width = gdImageSX(im.get());
    out.height = gdImageSY(im.get());
    return out;
}

}  // namespace placette::exchange
