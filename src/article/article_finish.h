// The last step every reader shares: clean the fields, drop repeated paragraphs and add the
// article to the batch (or an error when it has no text at all).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article/reader.h"

namespace storyline::detail {

// `paragraphs` come whitespace-collapsed (collapse_whitespace; split_blank_line_paragraphs and
// split_lines return them so): collapsing them again here cost every article a copy of its
// text. The title, URL and source are collapsed here; empty paragraphs and repeats are dropped
// (see drop_repeated); lang is reduced to its two-letter code; source falls back to the URL's
// host. An article with neither title nor text becomes the error "no text".
void finish_article(Article article, std::vector<std::string> paragraphs, ReadBatch& out);

// "dir/000_97f.txt" -> "000_97f": the id of an article read from a file.
std::string file_stem(std::string_view origin);

// "https://www.example.com:443/a" -> "example.com"; empty when there is no host.
std::string url_host(std::string_view url);

// "en-US", "en_GB", "EN" -> "en"; anything else (three-letter codes, "x") -> "" (= detect).
std::string normalize_lang(std::string_view lang);

}  // namespace storyline::detail
