#include "features/term_dictionary.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <unordered_set>

#include "document/analyzer.h"
#include "features/dictd.h"
#include "features/dictionary_words.h"
#include "document/string_interner.h"

namespace storyline {
namespace {

using dictionary_words::english_stop_words;
using dictionary_words::is_apostrophe;
using dictionary_words::is_single_word;
using dictionary_words::is_word_char;

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

struct LangFile {
  std::string_view code;      // ISO 639-1
  std::string_view freedict;  // FreeDict code
  std::string_view file;      // base name under the dictd dir
  bool inverted;              // English -> lang dictionary, inverted
  bool ordered;               // sense and phrase order reflect importance (Ding, WikDict); the
                              // Ergane/Arabeyes imports list senses and words in arbitrary or
                              // alphabetical order, so their phrases weigh the same
};

constexpr std::array<LangFile, 8> kLangFiles{{
    {"de", "deu", "freedict-deu-eng", false, true},
    {"ar", "ara", "freedict-ara-eng", false, false},
    {"fr", "fra", "freedict-fra-eng", false, false},
    {"es", "spa", "freedict-spa-eng", false, false},
    {"pl", "pol", "freedict-pol-eng", false, true},
    {"tr", "tur", "freedict-tur-eng", false, false},
    {"it", "ita", "freedict-ita-eng", false, false},
    {"ru", "rus", "freedict-eng-rus", true, false},
}};

const LangFile* find_lang(std::string_view lang) {
  for (const auto& f : kLangFiles)
    if (f.code == lang || f.freedict == lang) return &f;
  return nullptr;
}

struct Record {
  std::uint32_t source;
  std::uint32_t english;
  float score;
};

using Clock = std::chrono::steady_clock;

}  // namespace

class TermDictionary::Builder {
 public:
  Builder(TermDictionary& out, const WordNormaliser& normalise, std::size_t max_per_word)
      : out_(out), normalise_(normalise), max_per_word_(std::clamp<std::size_t>(max_per_word, 1, 0xFFFF)) {}

  void load_language(const std::string& dir, const LangFile& lf) {
    const auto start = Clock::now();
    std::string error;
    auto file = dictd::DictdFile::open((std::filesystem::path(dir) / std::string(lf.file)).string(), &error);
    if (!file) {
      out_.missing_.emplace_back(lf.code);
      return;
    }
    LangStats stats;
    stats.lang = std::string(lf.code);
    stats.skipped_index_lines = file->skipped_index_lines();
    ordered_ = lf.ordered;

    sources_.reset(file->index().size() / 2);
    headwords_.reset(file->index().size());
    headword_source_.clear();
    records_.clear();

    // Several index lines may point at one entry (headword variants): read each entry once.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> spans;
    spans.reserve(file->index().size());
    for (const auto& e : file->index()) spans.emplace_back(e.offset, e.length);
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());

    dictd::Entry entry;
    std::vector<std::uint32_t> ids;
    for (const auto& [offset, length] : spans) {
      std::string_view raw = file->raw(dictd::IndexEntry{{}, offset, length});
      if (raw.empty() || !dictd::parse_entry(raw, entry)) continue;
      ++stats.entries;
      if (lf.inverted)
        add_inverted(entry, lf.code, ids);
      else
        add_forward(entry, lf.code, ids);
    }
    finish_table(std::string(lf.code), stats);
    stats.load_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    out_.stats_.push_back(std::move(stats));
  }

  // Drops English stems no candidate refers to and releases spare capacity.
  void finish() {
    std::vector<std::uint32_t> remap(english_.size(), kNone);
    for (const auto& t : out_.tables_)
      for (const auto& c : t.candidates) remap[c.english_id] = 0;
    std::string pool;
    std::vector<std::uint32_t> offsets{0};
    for (std::uint32_t id = 0; id < remap.size(); ++id) {
      if (remap[id] == kNone) continue;
      remap[id] = static_cast<std::uint32_t>(offsets.size() - 1);
      pool.append(english_.view(id));
      offsets.push_back(static_cast<std::uint32_t>(pool.size()));
    }
    for (auto& t : out_.tables_)
      for (auto& c : t.candidates) c.english_id = remap[c.english_id];
    pool.shrink_to_fit();
    out_.english_pool_ = std::move(pool);
    out_.english_offsets_ = std::move(offsets);
    out_.english_offsets_.shrink_to_fit();
  }

 private:
  // English content words of a phrase -> English stem ids (stop words dropped).
  void content_words(std::string_view phrase, std::vector<std::uint32_t>& ids) {
    ids.clear();
    const auto* s = reinterpret_cast<const uint8_t*>(phrase.data());
    const auto n = static_cast<int32_t>(phrase.size());
    int32_t i = 0;
    std::string word;
    UChar32 previous = 0;
    auto flush = [&] {
      while (!word.empty() && word.back() == '\'') word.pop_back();
      if (!word.empty()) {
        std::uint32_t id = english_word(word);
        if (id != kNone && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
      word.clear();
    };
    while (i < n) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (is_apostrophe(c)) {
        if (!word.empty()) word.push_back('\'');
      } else if (is_word_char(c)) {
        // Split glued camel case from the Ergane imports ("NorthAmerica", "LadyDay").
        if (c >= 'A' && c <= 'Z' && previous >= 'a' && previous <= 'z') flush();
        char buf[4];
        int32_t len = 0;
        UBool error = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
        if (!error) word.append(buf, std::size_t(len));
      } else {
        flush();
      }
      previous = c;
    }
    flush();
  }

  std::uint32_t english_word(const std::string& raw) {
    if (auto known = raw_words_.find(raw); known != kNone) return raw_word_stem_[known];
    std::uint32_t id = kNone;
    std::string lower = raw;
    bool ascii = true;
    for (char& ch : lower) {
      if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
      if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    }
    const bool digits = std::all_of(lower.begin(), lower.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    std::string_view core(lower);
    if (core.ends_with("'s")) core.remove_suffix(2);
    if (!digits && !(ascii && lower.size() < 2) && !english_stop_words().contains(lower) &&
        !english_stop_words().contains(core)) {
      std::string stem = normalise_(raw, "en");
      if (!stem.empty() && !english_stop_words().contains(stem)) id = english_.intern(stem).first;
    }
    raw_words_.intern(raw);
    raw_word_stem_.push_back(id);
    return id;
  }

  // Source word -> source stem id (kNone for multiword or empty).
  std::uint32_t source_word(std::string_view word, std::string_view lang) {
    if (auto known = headwords_.find(word); known != kNone) return headword_source_[known];
    std::uint32_t id = kNone;
    if (is_single_word(word) && word.size() < 0xFFFF) {
      std::string stem = normalise_(word, lang);
      if (!stem.empty() && stem.size() < 0xFFFF) id = sources_.intern(stem).first;
    }
    headwords_.intern(word);
    headword_source_.push_back(id);
    return id;
  }

  float phrase_score(const dictd::Entry::Phrase& p, std::size_t content_words) const {
    const float split = 1.0f / std::sqrt(float(content_words));
    if (!ordered_) return split;
    return split / (1.0f + 0.5f * float(p.sense)) / (1.0f + 0.25f * float(p.rank));
  }

  void add_forward(const dictd::Entry& entry, std::string_view lang, std::vector<std::uint32_t>& ids) {
    std::uint32_t source = source_word(entry.headword, lang);
    if (source == kNone) return;
    for (std::size_t i = 0; i < entry.phrases.size(); ++i) {
      content_words(entry.phrase(i), ids);
      if (ids.empty()) continue;
      const float score = phrase_score(entry.phrases[i], ids.size());
      for (std::uint32_t id : ids) records_.push_back(Record{source, id, score});
    }
  }

  // eng-xxx: the headword is English, the phrases are in `lang`.
  void add_inverted(const dictd::Entry& entry, std::string_view lang, std::vector<std::uint32_t>& ids) {
    content_words(entry.headword, ids);
    if (ids.empty()) return;
    for (std::size_t i = 0; i < entry.phrases.size(); ++i) {
      std::uint32_t source = source_word(entry.phrase(i), lang);
      if (source == kNone) continue;
      const float score = phrase_score(entry.phrases[i], ids.size());
      for (std::uint32_t id : ids) records_.push_back(Record{source, id, score});
    }
  }

  void finish_table(std::string lang, LangStats& stats) {
    std::sort(records_.begin(), records_.end(), [](const Record& a, const Record& b) {
      return a.source != b.source ? a.source < b.source : a.english < b.english;
    });
    // Merge duplicates (same source and English stem): scores add up.
    std::size_t w = 0;
    for (std::size_t r = 0; r < records_.size(); ++r) {
      if (w > 0 && records_[w - 1].source == records_[r].source && records_[w - 1].english == records_[r].english)
        records_[w - 1].score += records_[r].score;
      else
        records_[w++] = records_[r];
    }
    records_.resize(w);

    // Document frequency of English stems over this language's source stems.
    std::vector<std::uint32_t> df(english_.size(), 0);
    std::size_t sources_with_records = 0;
    for (std::size_t r = 0; r < records_.size(); ++r) {
      ++df[records_[r].english];
      if (r == 0 || records_[r].source != records_[r - 1].source) ++sources_with_records;
    }
    const double log_n = std::log(double(sources_with_records) + 1.0);
    auto idf = [&](std::uint32_t english) {
      if (log_n <= 0) return 1.0;
      // Hubs only: an English stem reached from more than sqrt(N) source stems ("make", "put")
      // loses weight down to 0.05 at df = N; rarer stems keep their full share.
      const double hub = 0.5 * log_n;
      const double specificity = std::log((double(sources_with_records) + 1.0) / double(df[english]));
      return specificity >= hub ? 1.0 : std::clamp(specificity / hub, 0.05, 1.0);
    };

    // Group ranges per source id.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> range(sources_.size(), {0, 0});
    for (std::size_t r = 0; r < records_.size();) {
      std::size_t e = r;
      while (e < records_.size() && records_[e].source == records_[r].source) ++e;
      range[records_[r].source] = {std::uint32_t(r), std::uint32_t(e)};
      r = e;
    }
    std::vector<std::uint32_t> order(sources_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return sources_.view(a) < sources_.view(b); });

    Table table;
    table.lang = std::move(lang);
    table.rows.reserve(sources_with_records);
    table.candidates.reserve(std::min(records_.size(), sources_with_records * max_per_word_));
    std::vector<std::pair<double, std::uint32_t>> scored;
    for (std::uint32_t source : order) {
      auto [begin, end] = range[source];
      if (begin == end) continue;
      double total = 0;
      for (std::uint32_t r = begin; r < end; ++r) total += records_[r].score;
      scored.clear();
      for (std::uint32_t r = begin; r < end; ++r)
        scored.emplace_back(records_[r].score / total * idf(records_[r].english), records_[r].english);
      // Ties (common in the unordered dictionaries) go to the English stem more source stems
      // share: "war" before "unpeace".
      std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
        if (std::abs(a.first - b.first) > 1e-9 * (a.first + b.first)) return a.first > b.first;
        if (df[a.second] != df[b.second]) return df[a.second] > df[b.second];
        return english_.view(a.second) < english_.view(b.second);
      });
      if (scored.size() > max_per_word_) scored.resize(max_per_word_);
      const std::string_view stem = sources_.view(source);
      Row row;
      row.source_offset = static_cast<std::uint32_t>(table.source_pool.size());
      row.source_length = static_cast<std::uint16_t>(stem.size());
      row.first = static_cast<std::uint32_t>(table.candidates.size());
      row.count = static_cast<std::uint16_t>(scored.size());
      table.source_pool.append(stem);
      for (const auto& [weight, english] : scored) {
        auto q = static_cast<long>(std::lround(std::min(1.0, weight) * 65535.0));
        table.candidates.push_back(Candidate{english, static_cast<std::uint16_t>(std::clamp<long>(q, 1, 65535))});
      }
      table.rows.push_back(row);
    }
    table.source_pool.shrink_to_fit();
    table.rows.shrink_to_fit();
    table.candidates.shrink_to_fit();
    table.build_slots();
    stats.source_stems = table.rows.size();
    stats.candidates = table.candidates.size();
    stats.memory_bytes = sizeof(Table) + table.lang.capacity() + table.source_pool.capacity() +
                         table.rows.capacity() * sizeof(Row) + table.candidates.capacity() * sizeof(Candidate) +
                         table.slots.capacity() * sizeof(std::uint32_t);
    out_.tables_.push_back(std::move(table));
  }

  TermDictionary& out_;
  const WordNormaliser& normalise_;
  std::size_t max_per_word_;
  bool ordered_ = true;
  StringInterner raw_words_;  // raw English words seen (all languages)
  std::vector<std::uint32_t> raw_word_stem_;  // raw word id -> English stem id or kNone
  StringInterner english_;    // English stems; ids are candidate ids until finish()
  StringInterner sources_;    // source stems of the current language
  StringInterner headwords_;  // raw headwords of the current language
  std::vector<std::uint32_t> headword_source_;  // headword id -> source stem id or kNone
  std::vector<Record> records_;
};

std::string TermDictionary::canonical_lang(std::string_view lang) {
  const LangFile* f = find_lang(lang);
  return f ? std::string(f->code) : std::string();
}

TermDictionary TermDictionary::load(const std::string& dictd_dir, std::span<const std::string> langs,
                                    const WordNormaliser& normalise, std::size_t max_per_word) {
  TermDictionary dict;
  Builder builder(dict, normalise, max_per_word);
  std::vector<std::string_view> done;
  for (const std::string& lang : langs) {
    const LangFile* f = find_lang(lang);
    if (!f) {
      if (std::find(dict.missing_.begin(), dict.missing_.end(), lang) == dict.missing_.end())
        dict.missing_.push_back(lang);
      continue;
    }
    if (std::find(done.begin(), done.end(), f->code) != done.end()) continue;
    done.push_back(f->code);
    builder.load_language(dictd_dir, *f);
  }
  builder.finish();
  return dict;
}

const TermDictionary::Table* TermDictionary::table(std::string_view lang) const {
  for (const auto& t : tables_)
    if (t.lang == lang) return &t;
  if (lang.size() == 3)
    if (const LangFile* f = find_lang(lang))
      for (const auto& t : tables_)
        if (t.lang == f->code) return &t;
  return nullptr;
}

std::vector<std::string> TermDictionary::loaded() const {
  std::vector<std::string> langs;
  for (const auto& t : tables_) langs.push_back(t.lang);
  return langs;
}

TermDictionary load_term_dictionary(const std::string& dictd_dir, std::span<const std::string> langs,
                                    Analyzer& analyzer) {
  return TermDictionary::load(dictd_dir, langs, [&analyzer](std::string_view word, std::string_view lang) {
    return analyzer.stem(analyzer.fold(word), lang);
  });
}

}  // namespace storyline
