#include "stories/variant_ledger.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace storyline {
namespace {

std::vector<std::string> words_of(const std::string& name) {
  std::istringstream in(name);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Compares the forms pairwise: the given names (all words but the last) decide between
// "spelling variants" and "possibly different people".
std::string verdict(const std::vector<VariantForm>& forms, EntityKind kind, const MatchKeyer& keyer) {
  if (forms.size() == 1) return "same form";
  bool different_people = false, spelling = false, short_form = false;
  for (std::size_t i = 0; i < forms.size(); ++i)
    for (std::size_t j = i + 1; j < forms.size(); ++j) {
      auto a = words_of(forms[i].surface), b = words_of(forms[j].surface);
      if (a.size() != b.size()) {
        short_form = true;
        continue;
      }
      if (kind == EntityKind::Person && a.size() >= 2) {
        std::string given_a, given_b;
        for (std::size_t k = 0; k + 1 < a.size(); ++k) given_a += keyer.word_key(a[k]) + " ";
        for (std::size_t k = 0; k + 1 < b.size(); ++k) given_b += keyer.word_key(b[k]) + " ";
        if (given_a != given_b) {
          different_people = true;
          continue;
        }
      }
      spelling = true;
    }
  if (different_people) return "possibly different people";
  if (spelling) return "spelling variants";
  return short_form ? "short and full forms" : "same form";
}

}  // namespace

std::vector<VariantEntry> variant_ledger(const std::vector<const Profile*>& profiles,
                                         const MatchKeyer& keyer, bool include_single) {
  std::map<std::string, VariantEntry> by_key;
  std::map<std::string, std::size_t> articles_per_key;
  for (const Profile* p : profiles)
    for (const ProfileEntity& e : p->entities) {
      VariantEntry& entry = by_key[e.key];
      entry.key = e.key;
      if (entry.kind == EntityKind::Other) entry.kind = e.kind;
      ++articles_per_key[e.key];
      for (const std::string& surface : e.surfaces) {
        auto it = std::find_if(entry.forms.begin(), entry.forms.end(),
                               [&](const VariantForm& f) { return f.surface == surface; });
        if (it == entry.forms.end()) {
          entry.forms.push_back({surface, {}});
          it = entry.forms.end() - 1;
        }
        if (std::find(it->articles.begin(), it->articles.end(), p->id) == it->articles.end())
          it->articles.push_back(p->id);
      }
    }
  std::vector<VariantEntry> out;
  for (auto& [key, entry] : by_key) {
    if (!include_single && articles_per_key[key] < 2) continue;
    std::stable_sort(entry.forms.begin(), entry.forms.end(), [](const VariantForm& a, const VariantForm& b) {
      return a.articles.size() > b.articles.size();
    });
    entry.verdict = verdict(entry.forms, entry.kind, keyer);
    out.push_back(std::move(entry));
  }
  // Entries with real variants first, then by how widely they are used.
  std::stable_sort(out.begin(), out.end(), [&](const VariantEntry& a, const VariantEntry& b) {
    bool va = a.forms.size() > 1, vb = b.forms.size() > 1;
    if (va != vb) return va;
    return articles_per_key[a.key] > articles_per_key[b.key];
  });
  return out;
}

nlohmann::json ledger_json(const std::vector<VariantEntry>& ledger) {
  nlohmann::json out = nlohmann::json::array();
  for (const VariantEntry& e : ledger) {
    nlohmann::json forms = nlohmann::json::array();
    for (const VariantForm& f : e.forms) forms.push_back({{"surface", f.surface}, {"articles", f.articles}});
    out.push_back({{"key", e.key}, {"kind", to_string(e.kind)}, {"forms", forms}, {"verdict", e.verdict}});
  }
  return out;
}

}  // namespace storyline
