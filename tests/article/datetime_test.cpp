#include "article/datetime_scan.h"
#include "test_util.h"

namespace storyline {
namespace {

constexpr std::int64_t kJul27 = 1658880000;  // 2022-07-27T00:00:00Z

TEST(ParseDatetime, Iso8601) {
  EXPECT_EQ(parse_datetime("2022-07-27"), kJul27);
  EXPECT_EQ(parse_datetime("2022-07-27T14:05:00Z"), kJul27 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("2022-07-27T14:05:00+02:00"), kJul27 + 12 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("2022-07-27T14:05:00-0530"), kJul27 + 19 * 3600 + 35 * 60);
  EXPECT_EQ(parse_datetime("2022-07-27T14:05:00.123456Z"), kJul27 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("2022-07-27 14:05"), kJul27 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime(" 2022-07-27T14:05:00 UTC "), kJul27 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_datetime("1969-12-31T23:59:59Z"), -1);
}

TEST(ParseDatetime, CommonForms) {
  EXPECT_EQ(parse_datetime("Wed, 27 Jul 2022 14:05:00 GMT"), kJul27 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("Wed, 27 Jul 2022 14:05:00 +0200"), kJul27 + 12 * 3600 + 5 * 60);
  EXPECT_EQ(parse_datetime("27 July 2022"), kJul27);
  EXPECT_EQ(parse_datetime("July 27, 2022"), kJul27);
  EXPECT_EQ(parse_datetime("May 03, 2013"), 1367539200);
  EXPECT_EQ(parse_datetime("may 3 2013"), 1367539200);
  EXPECT_EQ(parse_datetime("Sept 1, 2020"), parse_datetime("2020-09-01"));
}

TEST(ParseDatetime, Rejects) {
  for (const char* bad : {"", "   ", "yesterday", "2022-13-01", "2022-02-30", "2022-07-27T25:00", "2022-07-27X",
                          "2022-07-27T14:05:00+25:00", "2022-7-27", "Foo 3, 2013", "May 3", "32 May 2013",
                          "2022-07-27T14:05:00Z trailing", "Wed, 27 Jul 2022 14:05:00 XYZ", "0000-01-01",
                          "July 258, 2022", "259 Jul 2022 10:00 GMT", "2022-07-258"})
    EXPECT_FALSE(parse_datetime(bad)) << bad;
}

TEST(ParseDatetime, LeapDay) {
  EXPECT_TRUE(parse_datetime("2024-02-29"));
  EXPECT_FALSE(parse_datetime("2023-02-29"));
}

}  // namespace
}  // namespace storyline

namespace storyline::detail {
namespace {

TEST(ScanDate, FindsTheDateInScrapedStrings) {
  const auto may3 = parse_datetime("2013-05-03");
  EXPECT_EQ(scan_date("Published May 03, 2013"), may3);
  EXPECT_EQ(scan_date("May 3rd, 2013 2: 00pm EDT"), may3);
  EXPECT_EQ(scan_date("11: 39am UK, Friday 03 May 2013"), may3);
  EXPECT_EQ(scan_date("Fri., May. 3, 2013 11: 45 AM PDT"), may3);
  EXPECT_EQ(scan_date("2013 - 05 - 03"), may3);
  EXPECT_FALSE(scan_date("05 / 03 / 2013"));  // ambiguous
  EXPECT_FALSE(scan_date("Posted 1 year, 160 days ago"));
  EXPECT_FALSE(scan_date("Interior and Commerce Secretaries Must Act by May 9"));
  EXPECT_FALSE(parse_datetime("Published May 03, 2013"));  // the public parser stays strict
}

}  // namespace
}  // namespace storyline::detail
