// The category word lists. Written from general knowledge of each news domain, following the
// contest's definitions:
//   society       politics, elections, legislation, incidents, crime, disasters, war
//   economy       finance, business, markets, companies, trade, jobs
//   technology    gadgets, auto, apps, internet services, software, AI, security
//   sports        every sport, e-sports included
//   entertainment movies, music, games, books, arts, TV, celebrities, fashion
//   science       health, medicine, biology, physics, genetics, space, nature
//   other         not news: horoscopes, recipes, puzzles
// Weight 2: a word that almost always means its domain ("striker", "inflation"). Weight 1: a
// supporting word, common in the domain but also elsewhere ("team", "price"). Words that are
// everywhere ("said", "year", "million") are left out, and so are words whose stem collides
// with another domain's word (Russian "премьера" and "премьер" share a stem).
// Base forms only: the classifier stems every word with the Analyzer, so "elections" and
// "election", "выборы" and "выборов" meet at one stem. English lists serve every language
// the dictionary bridge translates into English; the Russian lists serve Russian directly.
#include "features/category_lexicon.h"

#include <array>

namespace storyline {
namespace {

using enum Category;

constexpr std::array kLists = {
    // ---- English (bridge lexicon) ----
    CategoryWordList{Society, "en", 2, R"(
      election elections electoral vote voter voters ballot referendum parliament parliamentary
      senate senator congress congressman congresswoman lawmaker lawmakers legislation
      legislature politician political politics democrat republican opposition campaign
      government cabinet diplomat diplomatic embassy ambassador sanctions protest protesters
      demonstrators riot rally police policeman arrest arrested suspect murder murdered homicide
      shooting gunman stabbing robbery burglary theft kidnapping hostage prison prisoner jail
      inmate convicted sentenced prosecutor lawsuit verdict crime criminal terrorist terrorism
      bombing militant militants army soldier soldiers troops military ceasefire refugee refugees
      migrant migrants immigration earthquake flood floods wildfire hurricane tornado evacuation
      firefighters casualties fatalities killed minister president governor mayor)"},
    CategoryWordList{Society, "en", 1, R"(
      law legal court judge trial official officials authorities ministry citizen citizens
      community protest activist rights union strike border war attack bomb explosion fire blaze
      storm disaster victim victims accident crash collision injured dead death funeral rescue
      escape investigation investigators charged charges detained custody weapon gun violence
      party leader state nation national federal regime coup security)"},

    CategoryWordList{Economy, "en", 2, R"(
      economy economic economist economists inflation recession gdp stock stocks shareholder
      shareholders investor investors investment banking finance financial fiscal budget deficit
      debt bonds currency tariff tariffs exports imports revenue profit profits earnings quarterly
      dividend acquisition acquire merger takeover corporation business businesses entrepreneur
      ceo unemployment jobless employment wages salary salaries crude opec commodity commodities
      nasdaq retail retailer consumer consumers manufacturing manufacturer bankruptcy bankrupt ipo
      valuation taxpayer subsidy subsidies loan loans mortgage lender monetary treasury exchange
      shares)"},
    CategoryWordList{Economy, "en", 1, R"(
      market markets bank banks dollar euro ruble yuan trade price prices cost costs rate rates
      company companies firm deal sales sale buy bought billion oil gas gold tax taxes industry
      industrial factory jobs labor workers credit fund funds asset assets wealth capital growth
      demand supply export import)"},

    CategoryWordList{Technology, "en", 2, R"(
      technology technologies tech software hardware app apps smartphone smartphones iphone ipad
      android ios computer computers laptop chip chips chipmaker processor semiconductor internet
      online website browser cyber cyberattack hacker hackers hacking malware ransomware
      password encryption cloud algorithm ai robot robots robotics automation gadget gadgets
      tablet microsoft google intel amd nvidia samsung huawei tesla automaker automakers
      self-driving autonomous broadband wireless bluetooth wifi 5g telecom telecommunications
      startup programmer developers coding blockchain cryptocurrency bitcoin facebook twitter
      instagram tiktok youtube whatsapp telegram amazon netflix silicon gigabyte)"},
    CategoryWordList{Technology, "en", 1, R"(
      phone phones device devices data users user digital network networks platform update upgrade
      version feature features download apple launch car cars vehicle vehicles electric battery
      batteries screen display camera engineer engineers innovation virtual code)"},

    CategoryWordList{Sports, "en", 2, R"(
      sport sports football soccer basketball baseball hockey tennis golf cricket rugby volleyball
      boxing boxer wrestling ufc mma athletics athlete athletes olympic olympics championship
      championships tournament league striker midfielder defender goalkeeper quarterback pitcher
      inning innings touchdown referee stadium semifinal quarterfinal playoff playoffs nba nfl nhl
      mlb fifa uefa wimbledon marathon medal medals esports footballer coach coaches teammate
      teammates knockout heavyweight slam racing formula podium)"},
    CategoryWordList{Sports, "en", 1, R"(
      match matches game games season player players team teams squad goal goals penalty fans win
      won victory defeat beat scored score final cup club clubs race driver lap transfer round
      title champion fight fighter)"},

    CategoryWordList{Entertainment, "en", 2, R"(
      film films movie movies cinema actor actors actress hollywood oscar oscars grammy emmy
      premiere blockbuster sequel trailer celebrity celebrities singer song songs album music
      musician musicians band concert rapper pop theatre theater broadway television sitcom
      episode comedian comedy netflix hbo disney documentary novel novelist bestseller artist
      exhibition gallery painting fashion runway actress starring screenplay soundtrack
      videogame playstation xbox nintendo box-office showbiz)"},
    CategoryWordList{Entertainment, "en", 1, R"(
      director award awards nominated nomination star stars show series tv drama festival book
      books author writer art museum model designer rehab divorce wedding married cast role
      character studio tour host game games gaming stage dance)"},

    CategoryWordList{Science, "en", 2, R"(
      science scientist scientists researcher researchers physics physicist chemistry biology
      biologist genetics gene genes genome dna species evolution fossil fossils dinosaur
      archaeologist archaeologists archaeology astronomy astronomer astronomers nasa telescope
      planet planets mars asteroid comet galaxy galaxies universe spacecraft astronaut astronauts
      cosmic disease diseases virus vaccine vaccines vaccination patient patients cancer tumor
      diabetes alzheimer infection epidemic pandemic therapy clinical brain protein bacteria
      molecule molecular laboratory experiment quantum particle neuroscience ecosystem
      endangered extinction wildlife medical medicine)"},
    CategoryWordList{Science, "en", 1, R"(
      research study studies university space moon orbit satellite rocket climate warming carbon
      emissions health doctor doctors hospital drug drugs treatment trial journal discovery
      discovered cell cells ocean animal animals plant plants nature energy)"},

    CategoryWordList{Other, "en", 2, R"(
      horoscope horoscopes zodiac astrology aries taurus virgo libra scorpio sagittarius capricorn
      aquarius pisces recipe recipes ingredients tablespoon teaspoon flour crossword sudoku)"},
    CategoryWordList{Other, "en", 1, R"(
      bake baking oven butter garlic onion salad dessert cake cook cooking delicious tips puzzle)"},

    // ---- Russian (native lexicon) ----
    CategoryWordList{Society, "ru", 2, R"(
      избиратель избирательный голосование референдум парламент парламентский депутат госдума
      законопроект президент министр правительство губернатор мэр политик политический партия
      оппозиция санкции протест митинг полиция полицейский задержан задержание арест суд судья
      приговор прокурор прокуратура следователь уголовный преступление убийство убит погиб
      погибший пострадавший авария дтп катастрофа крушение пожар землетрясение наводнение взрыв
      теракт террорист война военный армия солдат мигрант беженец мчс мвд фсб чиновник коррупция
      взятка)"},
    CategoryWordList{Society, "ru", 1, R"(
      выборы закон власть власти граждане гражданин жертва спасатель ранен обвинение конфликт
      граница оружие выстрел атака лидер государство госдепартамент)"},

    CategoryWordList{Economy, "ru", 2, R"(
      экономика экономический экономист рубль доллар биржа биржевой акционер инвестор инвестиция
      банк банковский центробанк кредит ипотека инфляция ввп бюджет бюджетный налог налоговый
      нефть нефтяной газпром бизнес предприятие выручка прибыль убыток дивиденд рынок рыночный
      торговля экспорт импорт тариф зарплата безработица сбербанк финансовый финансы котировки
      капитализация облигация)"},
    CategoryWordList{Economy, "ru", 1, R"(
      евро курс акция ставка газ компания сделка цена цены пенсия миллиард стоимость производство
      отрасль спрос продажи)"},

    CategoryWordList{Technology, "ru", 2, R"(
      технология технологический смартфон айфон интернет компьютер ноутбук процессор чип гаджет
      робот нейросеть алгоритм программный софт хакер хакерский кибератака соцсеть мессенджер
      телеграм яндекс google apple samsung microsoft электромобиль беспилотный tesla android ios
      приложение онлайн браузер криптовалюта биткоин блокчейн)"},
    CategoryWordList{Technology, "ru", 1, R"(
      телефон сайт пользователь устройство программа данные утечка автомобиль обновление версия
      сеть цифровой искусственный интеллект связь оператор)"},

    CategoryWordList{Sports, "ru", 2, R"(
      спорт спортивный футбол футбольный футболист хоккей хоккейный хоккеист баскетбол теннис
      теннисист бокс боксер чемпионат чемпион турнир лига матч сборная тренер игрок гол вратарь
      нападающий полузащитник олимпиада олимпийский медаль полуфинал стадион болельщик кхл рпл
      уефа фифа нхл нба гонщик спортсмен биатлон фигурист трансфер)"},
    CategoryWordList{Sports, "ru", 1, R"(
      игра команда победа поражение счет финал клуб сезон защитник гонка бой спартак цска зенит
      динамо фигурный лыжный)"},

    CategoryWordList{Entertainment, "ru", 2, R"(
      фильм кино кинотеатр актер актриса сериал певец певица песня альбом музыка музыкальный
      музыкант концерт клип рэпер телешоу телеведущий оскар спектакль писатель художник выставка
      знаменитость видеоигра кинофестиваль голливуд режиссер)"},
    CategoryWordList{Entertainment, "ru", 1, R"(
      группа звезда шоу ведущий премия фестиваль театр книга музей мода модель дизайнер блогер
      развод свадьба)"},

    CategoryWordList{Science, "ru", 2, R"(
      наука научный ученый ученые исследователь физика физик химия биология биолог генетика ген
      геном днк эволюция палеонтолог динозавр археолог археология астроном космос космический
      наса роскосмос телескоп планета марс орбита астероид галактика вселенная космонавт
      астронавт медицина медицинский болезнь заболевание вирус вакцина вакцинация пациент рак
      опухоль мозг белок бактерия молекула лаборатория эксперимент квантовый коронавирус эпидемия
      пандемия)"},
    CategoryWordList{Science, "ru", 1, R"(
      исследование университет луна спутник ракета климат здоровье врач больница лечение препарат
      частица открытие животное)"},

    CategoryWordList{Other, "ru", 2, R"(
      гороскоп астролог зодиак овен телец козерог водолей рецепт ингредиент духовка тесто)"},
    CategoryWordList{Other, "ru", 1, R"(
      близнецы весы ложка выпечка салат блюдо приготовить)"},
};

}  // namespace

std::span<const CategoryWordList> category_word_lists() { return kLists; }

}  // namespace storyline
