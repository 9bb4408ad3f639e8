"""Text that must never become a fact: names with digits, ordinals, times, IDs, page furniture."""

from __future__ import annotations

import pytest

from conftest import facts_of

NOT_FACTS = [
    ("disease-name", "The COVID-19 epidemic hit the county hard."),
    ("unit-defined-in-brackets", "Tea grows on the slopes (1 mu is 667 square meters)."),
    ("hectare-defined-in-brackets", "Land is measured in mu (15 mu equal one hectare)."),
    ("summit-name", "Leaders met at the G20 summit."),
    ("network-generation", "The village now has 5G coverage."),
    ("ordinal-word", "It was the third county in China to join."),
    ("ordinal-digits", "It was the 3rd county to join."),
    ("rank-no", "It ranked No. 1 in sales."),
    ("rank-top", "It is among the top 100 brands."),
    ("clock-time", "The meeting began at 10:30 a.m."),
    ("clock-time-pm", "Trading closed at 3 pm."),
    ("phone-number", "Call 555 0100 for details."),
    ("multiplier", "Sales grew 10 times."),
    ("year-in", "She became a farmer in 2008."),
    ("year-by", "The goal is to end poverty by 2020."),
    ("year-since", "It has developed the market since 2014."),
    ("year-comma", "In 2017, the company expanded."),
    ("day-of-month", "The alliance was founded on Oct. 23, 2019."),
    ("day-before-month", "It opened on 23 October."),
    ("age", "The 56-year-old farmer grows tea."),
    ("vague-dozens", "Dozens of villages joined."),
    ("vague-hundreds-of-thousands", "Hundreds of thousands of farmers benefited."),
    ("spelled-one-of", "It is one of China's largest firms."),
    ("model-number", "The Chang'e-5 probe returned."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FACTS], ids=[c[0] for c in NOT_FACTS])
def test_not_a_fact(text):
    assert [(f.kind, f.text) for f in facts_of(text) if f.kind != "date"] == []


PAGE = """Headline with 99 numbers in it

Source: Xinhua| 2019-11-24 15:40:04|Editor: huaxia
Video PlayerClose

BEIJING, Nov. 24 (Xinhua) -- The cooperative sold 300 tonnes of apples. (Xinhua/Wang Wu)

Farmers earned 2 million yuan [Photo/Xinhua] this year. Enditem

KEY WORDS:
EXPLORE XINHUANET
010020070750000000000000011102121385798741
"""

RELATED = """Villages sell honey online
HANGZHOU - The county sold 500 kg of honey online.
Officials expect more sales.
- Two cruise ships bring over 9,000 tourists to Shanghai
- Airlines add 300 flights for the holiday
"""

BYLINE = """Home  >   Biz Updates

County benefits from 40 online stores

By Li Ming and Wang Fang ( China Daily )

The county has 40 online stores.

Contact the writers at liming@chinadaily.com.cn and 12345@example.com
"""

CGTN = """China's grain output hits record 650 million tonnes
CGTN
Updated 16:20, 11-Dec-2020

China's grain output reached a record 669.49 million tonnes in 2020.

Source(s): Xinhua News Agency 2020
Search Trends
1. Biden 3.2 million votes
"""

MOST_READ = """The county sold 800 tonnes of tea online.

Most Popular
Farmers earn 10,000 yuan more
"""

RELATED_NO_BLANK_LINES = """China Daily | Updated: 2011-11-02
Apple prices rose 20 percent in October.
Related readings:
Apple prices surge pleases growers
CPI likely to peak: Analysts
The country has 120 million hectares of farmland.
"""

NUMBERED_POINTS = """Farmers earned 300 yuan more.

The key targets are:

1. Grain output of 650 million tonnes

2. Rural incomes up 6 percent
"""

RELATED_INSIDE = """Apple prices rose 20 percent in October.

Related readings:
Apple prices surge pleases growers CPI likely to peak last month: Analysts
Interest raised to check inflation by 2 percent

Some residents can no longer afford 5 kg of apples, said Yu.
"""

REPEATED_PARAGRAPH = """China's aquaculture output exceeded 50 million tonnes in 2018, the ministry said.

Xinhua | Updated: 2019-02-15

China's aquaculture output exceeded 50 million tonnes in 2018, the ministry said.

The sector employs 5 million people.
"""

LINKS_AND_TICKERS = """Shares of Jumia Technologies (JMIA 5.58%) jumped after sales rose 20%.

Read also; Maize Imports Record a 92% Rise on Tax Waivers

Related Article: Retail Faces $1.5 Trillion Boom in 2025

Off the wire
• Weather forecast -- Nov. 10 • China sells 5 tonnes • More -- Nov. 10 • Other

Farmers sold 5 tonnes of pears.
"""


@pytest.mark.parametrize("page,expected", [
    (PAGE, [("mass", "300 tonnes"), ("money", "2 million yuan")]),
    (RELATED, [("mass", "500 kg")]),
    (BYLINE, [("count", "40 online stores")]),
    (CGTN, [("mass", "669.49 million tonnes")]),
    (MOST_READ, [("mass", "800 tonnes")]),
    (RELATED_INSIDE, [("percent", "20 percent"), ("mass", "5 kg")]),
    (RELATED_NO_BLANK_LINES, [("percent", "20 percent"), ("area", "120 million hectares")]),
    (NUMBERED_POINTS, [("money", "300 yuan"), ("mass", "650 million tonnes"), ("percent", "6 percent")]),
    (LINKS_AND_TICKERS, [("percent", "20%"), ("mass", "5 tonnes")]),
    (REPEATED_PARAGRAPH, [("mass", "exceeded 50 million tonnes"), ("count", "5 million people")]),
], ids=["xinhua-page", "related-headlines", "china-daily-byline", "cgtn-search-trends", "most-popular",
        "related-readings-inside-the-article", "related-readings-without-blank-lines",
        "numbered-points-with-figures-are-the-article", "read-also-links-stock-quotes-and-tickers",
        "a-paragraph-printed-twice-is-read-once"])
def test_furniture_is_left_out(page, expected):
    assert [(f.kind, f.text) for f in facts_of(page) if f.kind != "date"] == expected


def test_source_and_published_from_the_page():
    facts = facts_of(PAGE)
    assert {(f.source, f.published) for f in facts} == {("Xinhua", "2019-11-24")}


def test_a_sentence_about_copyright_is_not_furniture():
    text = "Copyright cases rose 20 percent last year.\n"
    assert [(f.kind, f.text) for f in facts_of(text) if f.kind != "date"] == [("percent", "20 percent")]


def test_hard_wrapped_lines_keep_their_figures():
    text = "The farm sold 12\ntonnes of pears.\nIt made more than\n300 tonnes.\n"
    assert [(f.text, f.qualifier, f.sentence) for f in facts_of(text)] == [
        ("12\ntonnes", "exact", "The farm sold 12 tonnes of pears."),
        ("more than\n300 tonnes", "over", "It made more than 300 tonnes."),
    ]


HEADER_LINKS = """The story appears on

Page A6

Related News

Home » Nation

Farmers sell pears online

She prepared 300 boxes of pears, which sold out in an hour.

KEY WORDS:
Farmers earn 10,000 yuan more
"""

NO_FINAL_STOP = (
    "Farmers sell pears online\n\n"
    "The county sold 300 tonnes of pears this year.\n\n"
    "Officials said the county plans to build 12 cold-storage warehouses next year so that farmers"
    " can keep their fruit fresh for longer and sell it when prices are higher in the spring\n"
)

LINK_LIST_LINE = (
    "Off the wire\n"
    "Spotlight: mayors meet  \u2022 Air pollution complaints top 500 in China  \u2022 Stocks news at"
    " 1100 GMT, May 4  \u2022 Russia builds first jet  \u2022 Basketball team eyes title again"
    "  \u2022 Gas storage to stay closed\n\n"
    "The county sold 300 tonnes of pears this year.\n"
)

CUT_OFF_PAGE = (
    "Grain output hits a record\n\n"
    "Output rose 1 percent, the bureau said.\n\n"
    "He said the grain output reached 680 million tons, an increase of nearly 100 million tons"
    " compared with 1\n"
)

HEADLINE_AFTER_THE_ARTICLE = (
    "Output rose 1 percent, the bureau said.\n\n"
    "China grain output hits record 695 million tonnes as yields rise across the north\n"
)

VIDEO_LINK_LINE = (
    "Output rose 1 percent, the bureau said.\n"
    "Video: Khan says flour crossed Rs 100 per kilogram\n"
    "Wheat fell 3 percent.\n"
)

PRINT_EDITION_CREDIT = (
    "Output rose 1 percent, the bureau said.\n"
    "A version of this article appeared in the print edition of The Straits Times on July 12, 2016,\n"
)


@pytest.mark.parametrize("page,expected", [
    (HEADER_LINKS, [("count", "300 boxes"), ("duration", "an hour")]),
    (CUT_OFF_PAGE, [("percent", "1 percent"), ("mass", "680 million tons"),
                    ("mass", "nearly 100 million tons")]),
    (HEADLINE_AFTER_THE_ARTICLE, [("percent", "1 percent")]),
    (PRINT_EDITION_CREDIT, [("percent", "1 percent")]),
    (VIDEO_LINK_LINE, [("percent", "1 percent"), ("percent", "3 percent")]),
    (NO_FINAL_STOP, [("mass", "300 tonnes"), ("count", "12 cold-storage warehouses")]),
    (LINK_LIST_LINE, [("mass", "300 tonnes")]),
], ids=["rest-marker-above-the-article-cuts-one-line", "last-sentence-cut-off-by-the-crawl",
        "headline-after-the-article", "print-edition-credit", "video-link-line",
        "long-final-paragraph-without-stop",
        "list-of-links-on-one-line"])
def test_where_the_article_begins_and_ends(page, expected):
    assert [(f.kind, f.text) for f in facts_of(page) if f.kind != "date"] == expected
