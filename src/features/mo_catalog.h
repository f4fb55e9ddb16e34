// Reader for GNU gettext .mo catalogs. iso-codes and libgeonames ship their translations
// only as .mo files, and libintl can only look up one message in the current locale, while
// the gazetteer needs every translation in every locale at once.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace storyline {

// Calls `visit(msgid, msgstr)` for every translated message of the .mo file at `path`
// (the header entry with an empty msgid and untranslated entries are skipped; for plural
// entries only the first forms are passed). Returns false when the file cannot be read or is
// not a valid catalog. The views are valid only during the call.
bool read_mo_catalog(const std::string& path,
                     const std::function<void(std::string_view, std::string_view)>& visit);

}  // namespace storyline
