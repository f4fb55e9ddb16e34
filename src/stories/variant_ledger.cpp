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
// "spelling variants" and "possibly different people". Each form's words and given-name keys
// are made once, not once per pair: a story with hundreds of members has dozens of forms.
std::string verdict(const std::vector<VariantForm>& forms, EntityKind kind, const MatchKeyer& keyer) {
  if (forms.size() == 1) return "same form";
  struct Shape {
    std::size_t words = 0;
    std::string given;  // match keys of the given names, for people of two words or more
  };
  std::vector<Shape> shapes;
  for (const VariantForm& form : forms) {
    std::vector<std::string> words = words_of(form.surface);
    Shape shape{words.size(), {}};
    if (kind == EntityKind::Person && words.size() >= 2)
      for (std::size_t k = 0; k + 1 < words.size(); ++k) shape.given += keyer.word_key(words[k]) + " ";
    shapes.push_back(std::move(shape));
  }
  bool spelling = false, short_form = false;
  for (std::size_t i = 0; i < shapes.size(); ++i)
    for (std::size_t j = i + 1; j < shapes.size(); ++j) {
      if (shapes[i].words != shapes[j].words) {
        short_form = true;
        continue;
      }
      if (shapes[i].given != shapes[j].given) return "possibly different people";
      spelling = true;
    }
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
        // Profiles come one at a time, so a form this profile already used ends with its id
        // (no scan of every article that used the form: quadratic in a large story).
        if (it->articles.empty() || it->articles.back() != p->id) it->articles.push_back(p->id);
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
