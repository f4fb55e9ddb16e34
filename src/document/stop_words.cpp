#include "document/stop_words.h"

#include <array>
#include <sstream>
#include <utility>

namespace storyline {
namespace {

// Compact, news-oriented lists (Snowball's lists trimmed, plus reporting verbs such as
// "said" that every article has).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kLists{{
    {"en",
     "a about above after again against all also am an and any are as at be because been before "
     "being below between both but by can could did do does doing down during each few for from "
     "further had has have having he her here hers herself him himself his how i if in into is it "
     "its itself just me more most my myself no nor not now of off on once only or other our ours "
     "ourselves out over own same she should so some such than that the their theirs them "
     "themselves then there these they this those through to too under until up very was we were "
     "what when where which while who whom why will with would you your yours yourself "
     "yourselves said says say told according also would could may might must shall us one new "
     "mr mrs ms s t don"},
    {"de",
     "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer "
     "anderes auch auf aus bei bin bis bist da damit dann das dass daß dein deine dem den denn der "
     "des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine "
     "einem einen einer eines einig einige er es etwas euch euer für gegen gewesen hab habe haben "
     "hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in "
     "indem ins ist jede jedem jeden jeder jedes jene jetzt kann kein keine können könnte man "
     "manche mein meine mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr "
     "sein seine seinem seinen seiner seit sich sie sind so solche soll sollte sondern sonst über "
     "um und uns unter viel vom von vor während war waren was weil welche wenn wer werde werden "
     "wie wieder will wir wird wo wollen wurde wurden zu zum zur zwar zwischen sagte sei seien "
     "laut mehr schon beim"},
    {"fr",
     "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me "
     "même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes "
     "toi ton tu un une vos votre vous c d j l à m n s t y été être avoir est sont était ont a "
     "cette cet plus comme aussi fait selon entre après avant sans sous très tout tous dont où "
     "déclaré a-t-il"},
    {"es",
     "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o "
     "este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo "
     "nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos "
     "yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas "
     "algunas algo nosotros ha han fue ser es son era según dijo"},
    {"it",
     "ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla "
     "dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella "
     "nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei noi voi loro "
     "mio mia miei mie tuo suo sua suoi sue nostro il lo la i gli le un uno una ma ed se perché "
     "anche come dov dove che chi cui non più quale quanto quello questo questa si è sono era "
     "stato ha hanno essere e o"},
    {"pt",
     "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
     "das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela "
     "entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa "
     "num nem suas meu às minha têm numa pelos elas segundo disse"},
    {"nl",
     "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om "
     "hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar "
     "naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al "
     "waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd "
     "altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest "
     "andere"},
    {"ru",
     "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее "
     "мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть "
     "был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть "
     "надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда "
     "кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были "
     "куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через "
     "эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда "
     "лучше чуть том нельзя такой им более всегда конечно всю между также заявил сообщает "
     "которые который которая которое это"},
    {"pl",
     "a aby ale bez bo być był była było były będzie czy dla do go gdy jak jako jej jest jego "
     "jeszcze jednak już ich i im ja je na nad nie nich nim o od oraz po pod przez przed przy "
     "się są ta tak także tam te tego tej ten to tu tylko w we więc z za ze że który która które "
     "którzy został została zostały może można także też oraz według powiedział"},
    {"tr",
     "acaba ama aslında az bazı belki biri birkaç birşey biz bu çok çünkü da daha de defa diye "
     "eğer en gibi hem hep hepsi her hiç için ile ise kez ki kim mı mu mü nasıl ne neden nerde "
     "nerede nereye niçin niye o sanki şey siz şu tüm ve veya ya yani bir olan olarak olduğu "
     "ayrıca sonra kadar göre dedi"},
    {"ar",
     "في من على إلى عن مع هذا هذه ذلك التي الذي الذين كان كانت قد لا ما لم لن أن إن أو ثم كل "
     "بين بعد قبل عند حتى هو هي هم نحن أنا وقال قال وفي ومن وعلى إلى وأن أنه إنه كما أيضا به "
     "بها له لها فيه فيها منذ حيث"},
    {"uk",
     "і в на з що не до як та це за від у по для він вона вони ми ви але його її їх чи або так "
     "також був була було були буде який яка яке які"},
}};

}  // namespace

StopWords::StopWords() {
  for (auto [lang, words] : kLists) {
    auto& set = by_lang_[std::string(lang)];
    std::istringstream in{std::string(words)};
    for (std::string word; in >> word;) set.insert(word);
  }
}

bool StopWords::contains(std::string_view lang, std::string_view folded_word) const {
  const WordSet* words = words_of(lang);
  return words && words->contains(folded_word);
}

const WordSet* StopWords::words_of(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? nullptr : &it->second;
}

}  // namespace storyline
