// Item photos: the type is sniffed from the bytes (JPEG, PNG, WebP, GIF magic numbers, never the
// file name or the browser's word), the size and pixel count are limited, and the picture is
// decoded and re-encoded with libgd, so no EXIF (location!) or other metadata survives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace placette::exchange {

enum class ImageType { kUnknown, kJpeg, kPng, kWebp, kGif };

ImageType SniffImage(std::string_view bytes);

struct Dimensions {
    int width = 0;
    int height = 0;
};
// Width and height from the file header, before any decoding (to refuse decompression bombs);
// nullopt when the header cannot be read.
std::optional<Dimensions> ReadDimensions(std::string_view bytes, ImageType type);

enum class PhotoError { kNone, kTooLarge, kNotImage, kTooManyPixels, kUndecodable };

struct Photo {
    PhotoError error = PhotoError::kNone;
    std::string bytes;         // re-encoded
    std::string content_type;  // image/jpeg, image/png or image/webp
    int width = 0;
    int height = 0;
};

inline constexpr std::int64_t kMaxPixels = 40'000'000;

// Checks and re-encodes an uploaded photo; scales it down to fit `max_side` pixels. JPEG stays
// JPEG, WebP stays WebP, PNG and GIF become PNG.
Photo ProcessPhoto(std::string_view bytes, std::size_t max_bytes, int max_side);

}  // namespace placette::exchange
