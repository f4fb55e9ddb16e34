// Paragraph clean-up shared by every reader: whitespace, splitting, and dropping repeats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline::detail {

// Collapses every run of whitespace (ASCII, NBSP and the other Unicode spaces, control
// characters) into one space and trims both ends; zero-width characters are removed.
std::string collapse_whitespace(std::string_view text);

// Plain-text paragraphs: separated by blank lines; single newlines inside a paragraph become
// spaces. \r\n and \r count as newlines. Paragraphs come back collapsed and non-empty.
std::vector<std::string> split_blank_line_paragraphs(std::string_view text);

// One paragraph per non-blank line (for JSON text fields that use single newlines).
std::vector<std::string> split_lines(std::string_view text);

// The comparison key for repeats: whitespace-normalised and Unicode case-folded.
std::string fold_key(std::string_view text);

// Drops a paragraph whose key equals the headline's or an earlier paragraph's, or is a prefix
// (at a word boundary) of a later paragraph's: a lede printed once short and once extended is
// kept once, in its extended form.
std::vector<std::string> drop_repeated(std::vector<std::string> paragraphs,
                                       std::string_view headline);

// Paragraphs joined with "\n\n", the Article::text convention.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace storyline::detail
