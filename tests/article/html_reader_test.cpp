
#include "test_util.h"

namespace storyline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const Article& only_article(const ReadBatch& b) {
  EXPECT_TRUE(b.errors.empty()) << test::describe_errors(b);
  EXPECT_EQ(b.articles.size(), 1u);
  return b.articles.at(0);
}

TEST(HtmlReader, JunkNeverReachesTheBody) {
  ReadBatch b;
  read_html(test::fixture("junk_page.html"), "pages/junk_page.html", b);
  const Article& a = only_article(b);
  EXPECT_EQ(a.id, "junk_page");
  EXPECT_EQ(a.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(a.source, "The Coastal Times");
  EXPECT_EQ(a.url, "https://www.coastaltimes.example/news/harbour-bridge-reopens");
  EXPECT_EQ(a.lang, "en");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(*a.published, *parse_datetime("2023-04-11T07:30:00Z"));
  for (const char* junk : {"_JUNK", "cookies", "Accept all", "Related stories", "Most read", "3 comments", "Sport",
                           "Copyright", "JavaScript"})
    EXPECT_THAT(a.text, Not(HasSubstr(junk))) << a.text;
  EXPECT_EQ(a.text,
            "The harbour bridge reopened to traffic on Tuesday morning, three months after engineers closed it to "
            "replace corroded cables, the city council said.\n\n"
            "Commuters had faced detours of up to forty minutes, and local shops near the bridge reported a sharp "
            "fall in trade during the closure.\n\n"
            "The repairs cost 12 million euros, about a third more than first estimated, because divers found "
            "further damage below the waterline.\n\n"
            "A council spokesperson said a full inspection would now take place every two years.\n\n"
            "Traffic was flowing normally by midday, police said.");
}

// What once dropped the whole article without a word: a hidden <body> (anti-flicker), the
// page behind an open modal (aria-hidden), and junk words inside the article's own classes.
TEST(HtmlReader, ArticleTextSurvivesHiddenSkeletonsAndTaxonomyClasses) {
  const std::string text = "<p>The harbour bridge reopened on Tuesday, three months after engineers closed it.</p>"
                           "<p>Commuters had faced detours of up to forty minutes, the city council said.</p>";
  const std::string pages[] = {
      "<html><body style=\"display: none\"><article>" + text + "</article></body></html>",
      "<html><body aria-hidden=\"true\"><div>" + text + "</div></body></html>",
      "<html><body><div id=\"app\" aria-hidden=\"true\"><div class=\"story\">" + text +
          "</div></div><div role=\"dialog\"><p>We use cookies. Accept all?</p></div></body></html>",
      "<html><body><div class=\"post hentry category-social-media tag-comments\">" + text + "</div></body></html>",
      "<html><body><div class=\"commentary-body\">" + text + "</div></body></html>",
      "<html><body><div class=\"subscriber-only article-text\">" + text + "</div></body></html>",
  };
  for (const std::string& page : pages) {
    ReadBatch b;
    read_html(page, "page.html", b);
    ASSERT_EQ(b.articles.size(), 1u) << page << test::describe_errors(b);
    EXPECT_THAT(b.articles[0].text, HasSubstr("harbour bridge reopened")) << page;
    EXPECT_THAT(b.articles[0].text, HasSubstr("detours")) << page;
    EXPECT_THAT(b.articles[0].text, Not(HasSubstr("cookies"))) << page;
  }
  // Icons and other hidden bits without paragraphs stay out.
  ReadBatch b;
  read_html("<html><body><article>" + text + "<span aria-hidden=\"true\">ICON_GLYPH</span>"
            "<div class=\"comments\"><p>COMMENT_TEXT here.</p></div><div class=\"subscribe-box\"><p>SUBSCRIBE now.</p></div>"
            "</article></body></html>", "page.html", b);
  ASSERT_EQ(b.articles.size(), 1u);
  for (const char* junk : {"ICON_GLYPH", "COMMENT_TEXT", "SUBSCRIBE"}) EXPECT_THAT(b.articles[0].text, Not(HasSubstr(junk)));
}

TEST(HtmlReader, TelegramContestPage) {
  ReadBatch b;
  read_html(test::fixture("telegram_page.html"), "telegram_page.html", b);
  const Article& a = only_article(b);
  EXPECT_EQ(a.title, "Peace talks resume in Geneva");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(*a.published, 1590591900);  // 2020-05-27T15:05:00Z
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(a.url, "https://www.example-news.com/world/2020/05/27/talks-resume");
  EXPECT_EQ(a.text,
            "Delegations from both sides met in Geneva on Wednesday for the first time in a year.\n\n"
            "The talks, hosted by the United Nations, are expected to last three days.");
}

TEST(HtmlReader, FallbacksForTitleDateSourceLang) {
  ReadBatch b;
  read_html(R"(<html><head><title>Storm hits coast - Daily Planet</title>
      <meta property="og:site_name" content="Daily Planet">
      <meta property="og:url" content="https://dailyplanet.example/storm">
      <meta property="og:locale" content="fr_FR"></head>
      <body><div><time datetime="2021-02-03">3 Feb</time><p>Short text.</p></div></body></html>)",
            "t.html", b);
  const Article& a = only_article(b);
  EXPECT_EQ(a.title, "Storm hits coast");
  EXPECT_EQ(a.url, "https://dailyplanet.example/storm");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.published, parse_datetime("2021-02-03"));
  EXPECT_THAT(a.text, HasSubstr("Short text."));
}

TEST(HtmlReader, H1BeatsTitleAndHostIsTheOutletWithoutSiteName) {
  ReadBatch b;
  read_html(R"(<html lang="de"><head><title>Ignored - Some Site</title>
      <link rel="canonical" href="https://www.zeitung.example/a/b">
      <meta name="pubdate" content="Wed, 27 Jul 2022 14:05:00 GMT"></head>
      <body><h1>Die Schlagzeile</h1><p>Erster Absatz.</p><p>Zweiter Absatz.</p></body></html>)",
            "h.htm", b);
  const Article& a = only_article(b);
  EXPECT_EQ(a.title, "Die Schlagzeile");
  EXPECT_EQ(a.source, "zeitung.example");
  EXPECT_EQ(a.lang, "de");
  EXPECT_EQ(a.published, parse_datetime("2022-07-27T14:05:00Z"));
  EXPECT_EQ(a.text, "Erster Absatz.\n\nZweiter Absatz.");
}

TEST(HtmlReader, TitleSuffixKeptWhenItIsNotTheSiteName) {
  ReadBatch b;
  read_html("<title>Left - right: a debate</title><p>Body text.</p>", "t.html", b);
  EXPECT_EQ(only_article(b).title, "Left - right: a debate");
}

TEST(HtmlReader, ListsAndBreaksBecomeParagraphs) {
  ReadBatch b;
  read_html("<body><div class='article-body'><p>Intro, with a comma, and more words in it.</p>"
            "<ul><li>First point of the story.</li><li>Second point of the story.</li></ul>"
            "<p>Line one<br>Line two</p><h2>Sub heading</h2><p>End.</p></div></body>",
            "l.html", b);
  EXPECT_EQ(only_article(b).text,
            "Intro, with a comma, and more words in it.\n\nFirst point of the story.\n\nSecond point of the "
            "story.\n\nLine one\n\nLine two\n\nSub heading\n\nEnd.");
}

// Source indentation, line breaks inside a paragraph, no-break and zero-width spaces: the text
// holds single spaces, as from every other reader.
TEST(HtmlReader, WhitespaceInsideParagraphsIsCollapsed) {
  ReadBatch b;
  read_html("<body><article><p>\n      The ferry\tleft   at dawn,\n      carrying\xC2\xA0" "forty pass\xE2\x80\x8B"
            "engers. </p>\n<p>  It  arrived\r\n on time.  </p></article></body>",
            "w.html", b);
  EXPECT_EQ(only_article(b).text, "The ferry left at dawn, carrying forty passengers.\n\nIt arrived on time.");
}

TEST(HtmlReader, MalformedHtmlStillReadsWhatIsThere) {
  ReadBatch b;
  read_html("<html><body><div><p>Unclosed paragraph one, with text<p>Paragraph <b>two <i>nested</b> badly</div>"
            "</span></td>&amp; trailing &bogus; <",
            "bad.html", b);
  const Article& a = only_article(b);
  EXPECT_THAT(a.text, HasSubstr("Unclosed paragraph one, with text"));
  EXPECT_THAT(a.text, HasSubstr("Paragraph two nested badly"));
}

TEST(HtmlReader, BadInputs) {
  ReadBatch b;
  read_html("", "empty.html", b);
  read_html("<html><head><script>only()</script></head><body><nav>Home</nav></body></html>", "nothing.html", b);
  read_html("</></p><!-- an unclosed comment <p>hidden</p>", "garbage.html", b);
  read_html(std::string("<p>text\0</p>", 12), "nul.html", b);
  read_html("<meta charset='windows-1251'><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", "cp1251.html", b);
  EXPECT_TRUE(b.articles.empty()) << b.articles[0].text;
  ASSERT_EQ(b.errors.size(), 5u) << test::describe_errors(b);
  EXPECT_EQ(b.errors[1].origin, "nothing.html");
  EXPECT_THAT(b.errors[1].message, HasSubstr("no article text"));
  EXPECT_THAT(b.errors[3].message, HasSubstr("binary"));
  EXPECT_EQ(b.errors[4].origin, "cp1251.html");
  EXPECT_THAT(b.errors[4].message, HasSubstr("invalid UTF-8"));
}

TEST(HtmlReader, DeepNestingDoesNotOverflowTheStack) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "Deep text at the bottom of the page, with a comma.";
  ReadBatch b;
  read_html(html, "deep.html", b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
  EXPECT_EQ(b.articles[0].text, "Deep text at the bottom of the page, with a comma.");
}

// gumbo's parse time grows with tags x depth; such input is refused, not parsed for minutes
// (were it parsed, this test would run into ctest's timeout).
TEST(HtmlReader, PathologicalNestingIsRefused) {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div>";
  ReadBatch b;
  read_html(html, "deep.html", b);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].origin, "deep.html");
  EXPECT_THAT(b.errors[0].message, HasSubstr("nested too deeply"));
}

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

void expect_refused(const std::string& html, const char* what) {
  ReadBatch b;
  read_html(html, "deep.html", b);
  EXPECT_TRUE(b.articles.empty()) << what;
  ASSERT_EQ(b.errors.size(), 1u) << what;
  EXPECT_THAT(b.errors[0].message, HasSubstr("nested too deeply")) << what;
}

// Each of these once got past the pre-scan: gumbo then overflowed the stack freeing its tree
// (a crash, of the server too: PUT with text/html) or parsed for minutes.
TEST(HtmlReader, NestingTheParserSeesIsRefusedHoweverItIsSpelt) {
  // "<p_>" is an unknown element that nests, not a <p> (the tag name ends at '>' only).
  expect_refused("<html><body><p>Some text.</p>" + repeated("<p_>", 300000), "<p_>");
  // An end tag with nothing of its name open closes nothing (it used to lower the depth).
  expect_refused(repeated("<table><tr><td></span>", 200000), "tables with stray end tags");
  expect_refused(repeated("<div></span>", 50000), "divs with stray end tags");
  // "<!-->" is a whole comment, not the start of one that hides the rest of the page.
  expect_refused("<!-->" + repeated("<div>", 25000), "after an empty comment");
  // HTML ignores "/>" on a <div>: it stays open.
  expect_refused(repeated("<div/>", 30000), "self-closed divs");
}

TEST(HtmlReader, SelfClosedSvgShapesAndClosedElementsDoNotCountAsNesting) {
  std::string html = "<html><body><svg>" + repeated("<path d=\"M0 0\"/>", 50000) + "</svg>";
  html += repeated("<div><span>Block</span></div>", 30000);
  html += "<p>The article's own text, with a comma.</p></body></html>";
  ReadBatch b;
  read_html(html, "svg.html", b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
}

TEST(HtmlReader, UnclosedParagraphsAndScriptsDoNotCountAsNesting) {
  std::string html = "<script>for (i = 0; i<n; i++) if (a<b) x();</script>";
  for (int i = 0; i < 30000; ++i) html += "<p>Paragraph " + std::to_string(i) + "<br>";
  ReadBatch b;
  read_html(html, "flat.html", b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
}

}  // namespace
}  // namespace storyline
