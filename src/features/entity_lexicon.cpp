#include "features/entity_lexicon.h"

#include "features/name_inflection.h"

#include <algorithm>
#include <initializer_list>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace storyline {
namespace {

// Same folding as the Analyzer's Token::norm ("Außenminister" -> "aussenminister").
std::string fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  if (U_FAILURE(status)) return std::string(s);
  icu::StringByteSink<std::string> sink(&out);
  n->normalizeUTF8(0, icu::StringPiece(s.data(), int32_t(s.size())), sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(s);
}

void add_all(WordSet& set, std::initializer_list<const char*> words) {
  for (const char* w : words) set.insert(fold(w));
}

}  // namespace

void EntityLexicon::add_titles(const char* lang, std::initializer_list<const char*> words) {
  auto& set = titles_[lang];
  for (const char* w : words) {
    std::string f = fold(w);
    // Titles are matched against token norms; hyphens split tokens, so store
    // "us-präsident" as the words the segmenter yields as well as in one piece.
    std::string spaced = f;
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    for (const std::string& form : {f, spaced}) {
      set.insert(form);
      const std::size_t words = std::size_t(std::count(form.begin(), form.end(), ' ')) + 1;
      max_title_words_ = std::max(max_title_words_, words);
      std::size_t& span = title_span_[form.substr(0, form.find(' '))];
      span = std::max(span, words);
    }
  }
}

EntityLexicon::EntityLexicon() {
  // Titles and honorifics by language, as they precede a name; written as people write them,
  // folded on load.
  add_titles("en", {"president", "vice president", "prime minister", "minister", "foreign minister",
      "defence minister", "defense minister", "secretary", "secretary of state",
      "secretary-general", "secretary general", "chancellor", "king", "queen", "prince",
      "princess", "pope", "senator", "sen", "rep", "representative", "governor", "gov",
      "mayor", "judge", "justice", "ambassador", "envoy", "general", "gen", "colonel",
      "col", "lieutenant", "lt", "sergeant", "sgt", "captain", "capt", "admiral", "marine",
      "commander", "chief", "director", "spokesman", "spokeswoman", "spokesperson",
      "counterpart", "leader", "chairman", "chairwoman", "ceo", "coach", "mr", "mrs", "ms",
      "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sheikh",
      "ayatollah", "rabbi", "bishop", "cardinal", "father", "president-elect",
      "speaker", "attorney general", "prosecutor", "premier", "dictator", "tsar"});
  add_titles("de", {"präsident", "präsidentin", "bundespräsident", "bundeskanzler", "bundeskanzlerin",
      "kanzler", "kanzlerin", "außenminister", "außenministerin", "minister",
      "ministerin", "ministerpräsident", "regierungschef", "staatschef", "sprecher",
      "sprecherin", "herr", "frau", "dr", "prof", "bürgermeister", "botschafter",
      "könig", "königin", "papst", "generalsekretär", "us-präsident", "kremlchef",
      "us-außenminister", "verteidigungsminister", "innenminister", "gesundheitsminister",
      "finanzminister", "kremlsprecher", "premierminister", "amtskollege", "kollege",
      "oppositionsführer", "trainer", "richter", "staatsanwalt"});
  add_titles("fr", {"président", "présidente", "ministre", "premier ministre", "chef de la diplomatie",
      "porte-parole", "secrétaire d'état", "m", "mme", "monsieur", "madame", "dr", "roi",
      "reine", "pape", "maire", "ambassadeur", "général", "homologue", "chancelier",
      "chancelière", "ministre des affaires étrangères", "secrétaire général", "juge"});
  add_titles("es", {"presidente", "presidenta", "ministro", "ministra", "canciller", "primer ministro",
      "secretario de estado", "secretario", "portavoz", "vocero", "sr", "sra", "señor",
      "señora", "don", "doña", "rey", "reina", "papa", "alcalde", "alcaldesa",
      "embajador", "general", "homólogo", "líder", "jefe", "juez", "mandatario"});
  add_titles("it", {"presidente", "ministro", "premier", "primo ministro", "segretario di stato",
      "portavoce", "sig", "signor", "signora", "papa", "re", "regina", "sindaco",
      "ambasciatore", "generale", "omologo", "cancelliere", "leader", "capo"});
  add_titles("pt", {"presidente", "ministro", "ministra", "primeiro-ministro", "secretário de estado",
      "porta-voz", "sr", "sra", "papa", "rei", "prefeito", "embaixador", "chanceler"});
  add_titles("pl", {"prezydent", "premier", "minister", "szef", "szef mid", "rzecznik", "rzeczniczka",
      "pan", "pani", "sekretarz stanu", "kanclerz", "król", "papież", "burmistrz",
      "prezydenta", "premiera", "ministra", "ambasador", "generał", "gen", "dr", "prof"});
  add_titles("tr", {"cumhurbaşkanı", "başbakan", "bakan", "bakanı", "dışişleri bakanı", "sözcüsü",
      "sayın", "bay", "bayan", "dr", "prof", "başkan", "başkanı", "lider", "kral",
      "papa", "büyükelçi", "general", "orgeneral", "dışişleri bakanı"});
  add_titles("ru", {"президент", "премьер-министр", "премьер", "министр", "глава", "глава мид",
      "пресс-секретарь", "представитель", "госсекретарь", "канцлер", "господин",
      "госпожа", "мэр", "посол", "генерал", "король", "папа", "спикер", "губернатор",
      "президента", "министра", "главы", "коллега", "лидер", "председатель"});
  add_titles("uk", {"президент", "прем'єр-міністр", "міністр", "голова", "речник", "пан", "пані",
      "мер", "посол", "генерал", "держсекретар", "канцлер"});
  add_titles("ar", {"الرئيس", "رئيس", "الوزير", "وزير", "السيد", "السيدة", "الشيخ", "الملك", "الأمير",
      "المتحدث", "المتحدثة", "نظيره", "نظيرته", "الجنرال", "الدكتور", "د", "المستشار",
      "الأمين العام", "رئيس الوزراء", "زعيم", "الزعيم", "الناطق", "السفير"});

  add_all(connectors_, {"of", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "des",
                        "van", "von", "der", "den", "ter", "zu", "la", "le", "al", "el", "bin",
                        "ibn", "bint", "abu", "ben", "af"});
  add_all(org_heads_,
          {"inc", "ltd", "llc", "plc", "gmbh", "ag", "se", "sa", "corp", "corporation", "co",
           "company", "group", "holding", "holdings", "bank", "fc", "ministry", "department",
           "council", "commission", "committee", "university", "college", "institute", "party",
           "agency", "association", "union", "foundation", "court", "parliament", "assembly",
           "senate", "congress", "police", "army", "navy", "forces", "force", "office",
           "service", "organization", "organisation", "network", "news", "times", "post",
           "journal", "airlines", "airways", "motors", "club", "church", "board", "bureau",
           "authority", "guard", "command", "administration", "government", "cabinet",
           "ministerium", "partei", "universität", "verband", "gericht", "bundestag",
           "regierung", "kommission", "rat", "konzern", "gruppe", "stiftung", "institut",
           "agentur", "polizei", "ministère", "parti", "université", "banque", "conseil",
           "assemblée", "agence", "tribunal", "cour", "groupe", "fondation", "armée",
           "ministerio", "ministero", "ministério", "partido", "partito", "universidad",
           "università", "banco", "banca", "consejo", "consiglio", "comisión", "commissione",
           "agencia", "agenzia", "tribunale", "gobierno", "governo", "fundación", "instituto",
           "grupo", "gruppo", "policía", "polizia", "ministerstwo", "partia", "uniwersytet",
           "rada", "komisja", "sąd", "agencja", "instytut", "policja", "fundacja", "grupa",
           "bakanlığı", "partisi", "üniversitesi", "bankası", "meclisi", "konseyi",
           "komisyonu", "ajansı", "mahkemesi", "derneği", "vakfı", "grubu", "министерство",
           "мид", "партия", "университет", "банк", "совет", "комиссия", "агентство", "суд",
           "дума", "правительство", "компания", "группа", "фонд", "институт", "полиция",
           "рада", "госдума", "служба", "прокуратура", "управление", "ведомство"});
  org_heads_.for_each([&](std::string_view head) { declined_org_heads_.insert(uninflected_name(head, "ru")); });
  add_all(facility_heads_,
          {"airport", "square", "street", "avenue", "river", "sea", "ocean", "mountains",
           "island", "islands", "bridge", "stadium", "station", "region", "province", "oblast",
           "district", "county", "valley", "lake", "bay", "gulf", "strait", "peninsula",
           "desert", "port", "flughafen", "platz", "straße", "aéroport", "aeropuerto",
           "aeroporto", "lotnisko", "havalimanı", "аэропорт", "область"});
  add_all(known_orgs_, {"kremlin", "white house", "pentagon", "state department", "élysée",
                        "downing street", "kreml", "кремль", "weißes haus", "maison blanche",
                        "casa blanca", "casa bianca", "biały dom", "белый дом", "beyaz saray",
                        "الكرملين", "البيت الأبيض", "vatican", "nato", "otan", "нато", "الناتو"});
  add_all(non_names_,
          {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "monday", "tuesday", "wednesday",
           "thursday", "friday", "saturday", "sunday", "januar", "februar", "märz", "mai",
           "juni", "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch",
           "donnerstag", "freitag", "samstag", "sonntag", "ocak", "şubat", "mart", "nisan",
           "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
           "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar", "i",
           "god", "gott", "covid", "covid-19", "internet"});
  add_all(function_words_,
          {"the", "a", "an", "it", "its", "he", "she", "they", "we", "you", "i", "this", "that",
           "these", "those", "there", "here", "but", "and", "or", "for", "after", "before",
           "on", "in", "at", "by", "with", "from", "as", "when", "while", "however", "if",
           "according", "despite", "meanwhile", "his", "her", "their", "our", "my", "one",
           "der", "die", "das", "ein", "eine", "und", "aber", "auch", "nach", "im", "am", "er",
           "sie", "es", "wir", "le", "la", "les", "un", "une", "il", "elle", "et", "mais",
           "el", "los", "las", "una", "y", "pero", "lo", "gli", "ma", "ve", "bu", "bir"});
}

bool EntityLexicon::is_title(std::string_view lang, std::string_view folded_words) const {
  for (std::string_view l : {lang, std::string_view("en")}) {
    auto it = titles_.find(std::string(l));
    if (it != titles_.end() && it->second.contains(folded_words)) return true;
  }
  return false;
}

}  // namespace storyline
