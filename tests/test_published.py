"""Publication dates printed in article headers, the date-word rule file, and component order."""

from __future__ import annotations

from pathlib import Path

import pytest

from agrofacts import datewords
from agrofacts.article import find_published
from agrofacts.errors import RuleFileError
from agrofacts.pipeline import COMPONENTS

HEADERS = [
    ("xinhua-source", "Title\n\nSource: Xinhua| 2019-11-24 15:40:04|Editor: huaxia\nBody", "2019-11-24"),
    ("agency-comma-date-unspaced", "Title\nXinhua,May 25, 2020 Adjust font size:\nBody", "2020-05-25"),
    ("statistics-bureau-line", "Title\nNational Bureau of Statistics of China 2016-09-20 10:50\nBody",
     "2016-09-20"),
    ("cgtn-dotted-date-time", "Title\n2020.11.11 02:33 GMT+8\nBody", "2020-11-11"),
    ("source-bracketed-day-first", "Title\nSource : (15/06/2022)\nBody", "2022-06-15"),
    ("us-slash-date-time", "Title\n10/26/23 4:01:00 PM ET\nBody", "2023-10-26"),
    ("xinhua-source-spaced", "Title\nSource: Xinhua   2016-11-12 23:30:44\nBody", "2016-11-12"),
    ("date-comma-time-line", "Title\nJun 23, 2021, 17:15\nBody", "2021-06-23"),
    ("byline-bar-weekday-date", "Floods hit crops\nFE REPORT | Sunday, 1 September 2024\nBody", "2024-09-01"),
    ("published-in-paper-footer", "Palm oil\nBody.\nPublished in Dawn, August 26th, 2017", "2017-08-26"),
    ("china-daily-updated", "Title\nBy Li Wei | China Daily | Updated: 2019-11-24 07:58\nBody", "2019-11-24"),
    ("china-daily-bracket-then-date", "By Liu Mingtai (China Daily)\n2010-08-10 07:58\nBody", "2010-08-10"),
    ("date-then-china-daily", "Title\n2010-08-10 07:58 (China Daily)\nBody", "2010-08-10"),
    ("china-daily-print", "China Daily (Hong Kong)\n5 Jan 2018\nBody", "2018-01-05"),
    ("updated-month-name", "Title\nUpdated: Nov. 24, 2019\nBody", "2019-11-24"),
    ("iso-header-line", "Title\n 2021-03-05 \nBody", "2021-03-05"),
    ("crawler-date", "url x\n date 2022-01-21 \nBody", "2022-01-21"),
    ("peoples-daily-time-date", "(People's Daily Online) 09:31, October 12, 2023\nBody", "2023-10-12"),
    ("cgtn-updated-day-mon-year", "CGTN\n\nUpdated 14:32, 21-Jan-2022\n\nBody", "2022-01-21"),
    ("crawler-date-prefix-before-text", " date 2023-08-18 Wheat exports rose.\nBody", "2023-08-18"),
    ("pub-date-label", "Title\n\nPub Date:2023-08-16 09:09 Source:Xinhua\n\nBody", "2023-08-16"),
    ("updatetime-label", "Title\n updatetime:2024-10-25 13:38:02  Source:Xinhua\nBody", "2024-10-25"),
    ("author-time-label", "Title\n\nsource: author:time:2008-07-28\nBody", "2008-07-28"),
    ("dateline-with-year", "Title\n\nCHANGSHA, Sept. 23, 2019 (Xinhua) -- Body", "2019-09-23"),
    ("agency-comma-date", "Title\nXinhua, May 4, 2017 Adjust font size:\nBody", "2017-05-04"),
    ("agency-date-no-comma", "Title\nReuters July 11, 2016\nBody", "2016-07-11"),
    ("updated-no-space-after-comma", "Title\nUpdated: Feb 22,2019 3:01 PM\nBody", "2019-02-22"),
    ("wire-release-dateline", "Title\n\nBEIJING, November 22, 2023 /PRNewswire/ -- Body", "2023-11-22"),
    ("short-weekday-ordinal-day", "UrduPoint.com\nTue 17th September 2019 | 06:19 PM\nBody", "2019-09-17"),
    ("urdupoint-credit", "BEIJING, (APP - UrduPoint / Pakistan Point News - 25th Nov, 2019 ) :Body",
     "2019-11-25"),
    ("released-iso-date", "Title\nReleased: 2019-04-18\nBody", "2019-04-18"),
    ("fao-reference-date", "Country Brief\nReference Date: 21-September-2017\nBody", "2017-09-21"),
    ("dateline-with-year-and-a-dash", "NEW YORK, Feb 16, 2018 -- Corn exports rose.", "2018-02-16"),
    ("wire-release-dateline-with-a-state", "Title\nMOLINE, Ill., Feb. 16, 2018 /CNW/ -- Body", "2018-02-16"),
    ("global-times-slash-date", "Source:Xinhua Published: 2019/7/13 17:52:50\nBody", "2019-07-13"),
    ("day-month-year-before-bar", "Tuesday, 10 May 2016|Source:X\nBody", "2016-05-10"),
    ("clock-time-before-date", "15:46 JST, May 27, 2025\nBody", "2025-05-27"),
    ("cntv-comma-date", "0 CommentsPrint E-mail CNTV, October 14, 2010\nBody", "2010-10-14"),
    ("footer-credit-with-date", "Title\n\nBody.\n\n(Xinhua News Agency July 12, 2006)\n", "2006-07-12"),
    ("header-date-beats-footer", "Updated: 2019-11-24\nBody.\n(China Daily March 3, 2005)", "2019-11-24"),
    ("pub-date-two-digit-year", "Title\nPub Date:23-09-19 10:39\nBody", "2023-09-19"),
    ("published-time-then-date", "Published: 15:07, September 22, 2023 | Updated: x\nBody", "2023-09-22"),
    ("dotted-iso-date", "Title\n  ·  2023-11-20  ·   Source: Xinhua News Agency\nBody", "2023-11-20"),
    ("china-org-cn-date", "Title\nChina.org.cn March 13, 2020\nBody", "2020-03-13"),
    ("chinese-release-date", "Title\n发布日期:2021-10-21\nBody", "2021-10-21"),
    ("indian-updated-day-first", "ANI | New Delhi | Updated: 07-10-2020 23:05 IST\nBody", "2020-10-07"),
    ("published-day-month-year", "Title\n\nReuters Published 11 May, 2023 05:54am\nBody", "2023-05-11"),
    ("date-alone-on-a-line", "December 28, 2011\n\nTitle\n\nBody", "2011-12-28"),
    ("weekday-date-alone", "Thursday, September 22, 2011\n\nTitle\n\nBody", "2011-09-22"),
    ("abbreviated-month-alone", "Jul 29, 2022\n\nTitle", "2022-07-29"),
    ("day-first-alone", "Title\n28 December 2011\nBody", "2011-12-28"),
    ("iso-with-time-zone", "Title\n\n2010-02-01 13:30 BJT\n\nBody", "2010-02-01"),
    ("date-inside-a-sentence-line", "Title\nThe fair opened on December 28, 2011 in Beijing.\nBody", ""),
    ("publisher-bracket-lost", "Title\nXinhua) 13:05, December 15, 2021\nBody", "2021-12-15"),
    ("date-and-time-alone", "Title\nMay 08, 2023 \u2014 11:07 pm EDT\nBody", "2023-05-08"),
    ("timestamp-opening-a-line", "Title\n2025-01-17 22:18 Last Updated At: 2025-01-18\nBody", "2025-01-17"),
    ("impossible-date-skipped", "Source: Xinhua| 2019-02-30 15:40:04\nBody", ""),
    ("date-in-body-text-is-not-a-header", "The fair opened on 2019-11-24 in Beijing.", ""),
    ("no-date", "China Daily\n\nAlibaba to help fight poverty", ""),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in HEADERS], ids=[c[0] for c in HEADERS])
def test_find_published(text, expected):
    assert find_published(text) == expected


BAD_ROWS = [
    ("unknown-role", [{"surface": "soon", "role": "later", "value": ""}], "date_words.csv:2: role 'later'"),
    ("int-role-not-int", [{"surface": "last", "role": "deictic", "value": "minus one"}],
     "date_words.csv:2: role 'deictic' needs a whole number, got 'minus one'"),
    ("bad-choice", [{"surface": "by", "role": "bound", "value": "upto"}],
     "date_words.csv:2: bound value 'upto' not one of"),
    ("list-role-with-value", [{"surface": "in", "role": "lead", "value": "1"}],
     "date_words.csv:2: role 'lead' takes no value, got '1'"),
]


@pytest.mark.parametrize("rows,message", [c[1:] for c in BAD_ROWS], ids=[c[0] for c in BAD_ROWS])
def test_date_words_are_checked(monkeypatch, rows, message):
    monkeypatch.setattr(datewords, "read_csv", lambda name, columns: rows)
    with pytest.raises(RuleFileError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        datewords.load_date_words(str.split)


def test_shipped_date_words_load():
    words = datewords.load_date_words(str.split)
    assert words.role("deictic")["last"] == -1
    assert words.role("weekday")["Thursday"] == 3
    assert words.bounds.match_at(["as", "of", "june"], 0) == ("as_of", 2)


def test_doctests_of_the_date_modules():
    import doctest

    from agrofacts import metadata, periods

    for module in (periods, metadata):
        assert doctest.testmod(module).failed == 0


def test_dates_run_before_the_figure_rules_and_anchoring_after():
    position = {name: n for n, name in enumerate(COMPONENTS)}
    assert position["agrofacts_dates"] < position["agrofacts_quantities"] < position["agrofacts_counts"]
    assert position["agrofacts_counts"] < position["agrofacts_anchoring"]


SOURCES = [
    ("china-daily-bar-line-start", "Title\nChina Daily | Updated: 2021-06-23 09:12\nBody", "China Daily"),
    ("peoples-daily-curly-apostrophe", "Title\nPeople’s Daily\nBody", "People's Daily"),
    ("xinhua-glued-to-a-time", "Title\n2019-02-15 15:30:34Xinhua Editor: Li\nBody", "Xinhua"),
    ("xinhua-glued-to-updated", "Title\nXinhuaUpdated: February 15, 2019\nBody", "Xinhua"),
    ("tnnd-dateline", "Title\nWASHINGTON (TNND) — Sales rose.", "TNND"),
    ("xinhua-credit-cut-off", "Title\nXinhua) 14:00, June 01, 2023\nBody", "Xinhua"),
    ("source-in-brackets", "Title\nSales rose. (source: Reuters)", "Reuters"),
    ("app-dateline", "BEIJING, March 7 (APP)::China sold more.", "APP"),
    ("jakarta-post-line", "Title\nJakarta Post - January 17, 2024\nBody", "The Jakarta Post"),
    ("by-reuters-line", "Title\nBy Reuters\nBody", "Reuters"),
    ("cgtn-reference", "Title\nBody.\nReference(s): cgtn.com", "CGTN"),
    ("peoples-daily-online-at-a-line-end",
     "Title\nUpdated: Jun 18,2020 11:17 AM    People's Daily Online\nBody", "People's Daily"),
    ("told-peoples-daily", "Title\nSales rose, Wu told People's Daily Online.", "People's Daily"),
    ("peoples-daily-copyright", "Title\nBody.\nCopyright © 2021 People's Daily Online. All Rights Reserved.",
     "People's Daily"),
    ("bernama-credit-after-a-dash", "Title\nPalm oil rose, the board said. ― Bernama", "Bernama"),
    ("vna-source-line", "Title\nBody.\nSource: VNA", "VNA"),
    ("nafb-credit", "Title\nSales rose, the group said. (NAFB)", "NAFB"),
    ("published-in-dawn", "Palm oil falls\nBody.\nPublished in Dawn, August 26th, 2017", "Dawn"),
    ("xinhua-dateline", "BEIJING, Nov. 24 (Xinhua) -- Body", "Xinhua"),
    ("xinhua-credit-updated", "Title\n(Xinhua) Updated: 2016-06-09 13:52\nBody", "Xinhua"),
    ("xinhua-source-line", "Title\nSource: Xinhua| 2019-11-24 15:40:04\nBody", "Xinhua"),
    ("china-daily-byline", "By Li Wei | China Daily | Updated: 2019-11-24\nBody", "China Daily"),
    ("reuters-dateline", "BEIJING, Dec 10 (Reuters) - Body", "Reuters"),
    ("reuters-published", "Title\nReuters Published 11 May, 2023 05:54am\nBody", "Reuters"),
    ("dow-jones-dateline", "WASHINGTON -(Dow Jones)- The index of prices rose.", "Dow Jones"),
    ("cctv-source", "Source: CCTV.com\nBody", "CCTV"),
    ("first-named-wins", "(People's Daily Online) 09:31, October 12, 2023\n(Xinhua) Body", "People's Daily"),
    ("china-daily-capitals", "By Kang Bing | CHINA DAILY | Updated: 2021-03-26\nBody", "China Daily"),
    ("chinadaily-domain-capitalised", "(Chinadaily.com.cn) 08:47, March 26, 2021\nBody", "China Daily"),
    ("source-reuters-line", "Body.\n\nSource: Reuters\n", "Reuters"),
    ("xinhua-comma-date", "Print E-mail Xinhua, December 16, 2020\nBody", "Xinhua"),
    ("xinhua-bar-updated", "Title\nXinhua | Updated: 2013-02-27 00:34\nBody", "Xinhua"),
    ("peoples-daily-bracket-cut", "People's Daily Online) 11:09, December 13, 2021", "People's Daily"),
    ("sources-plural-label", "Body.\nSource(s): Xinhua News Agency\n", "Xinhua"),
    ("xinhua-news-agency-line", "Xinhua news agency, Beijing, August, (reporter Wang Youling)", "Xinhua"),
    ("xinhua-silk-road-release", "Body.\nSOURCE Xinhua Silk Road\n", "Xinhua Silk Road"),
    ("reuters-after-bar", "Title\nChicago | Reuters - Body", "Reuters"),
    ("reuters-copyright", "Body.\nCopyright 2018 Reuters. All rights reserved.", "Reuters"),
    ("ians-dateline", "New Delhi, Nov 17 (IANS) Body", "IANS"),
    ("ani-bar", "ANI | New Delhi | Updated: 07-10-2020\nBody", "ANI"),
    ("with-aap-footer", "Body.\nWith AAP.\n", "AAP"),
    ("kyodo-line", "Title\nKyodo News\nBody", "Kyodo News"),
    ("bloomberg-dateline", "(Bloomberg) -- Body", "Bloomberg"),
    ("source-china-daily", "Body.\nSource: China Daily\n", "China Daily"),
    ("jiji-press", "Tokyo, June 9 (Jiji Press)--Body", "Jiji Press"),
    ("yomiuri", "The Yomiuri Shimbun\nBody", "The Yomiuri Shimbun"),
    ("xinhua-mixed-case", "BEIJING, Nov. 24 (XinHua) -- Body", "Xinhua"),
    ("china-org-cn", "Title\nChina.org.cn March 13, 2020\nBody", "China.org.cn"),
    ("peoples-daily-app", "Title\nPeople's Daily app\nBody", "People's Daily"),
    ("bloomberg-news-credit", "Bloomberg News\nNEW YORK, May 2 -- Soybean prices rose.", "Bloomberg"),
    ("bloomberg-in-a-paragraph-is-no-credit", "Prices rose.\nBloomberg reported that China bought soy.\n\n"
     "(China Daily)", "China Daily"),
    ("agency-named-in-body-is-no-source", "Farmers told Kyodo News they sold 5 tonnes.", ""),
    ("none", "Farmers sold 5 tonnes of pears.", ""),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in SOURCES], ids=[c[0] for c in SOURCES])
def test_find_source(text, expected):
    from agrofacts.article import find_source

    assert find_source(text) == expected


def _plain_published(text: str) -> str:
    """find_published without its shortcuts: every rule searched over the whole header (the
    footer, read only when the header gives nothing, has no shortcut to compare)."""

    from agrofacts.article import HEADER_CHARS, _date_of, _footer_date, _published_rules

    head, found = text[:HEADER_CHARS], []
    for pattern, *_shortcuts in _published_rules():
        for m in pattern.finditer(head):
            day = _date_of(m, pattern)
            if day is None:
                continue
            found.append((m.start(), day.isoformat()))
            break
    return min(found)[1] if found else _footer_date(text)


LINE_CASES = [
    "\n\n  \nDecember 28, 2011\n\nTitle",
    "Title\n\n \n\t\nThursday, September 22, 2011\nBody",
    "Title\nJuly 4, 1776 was a day.\nMay 2, 2019\n",
    "Title\n\n2010-02-01 13:30 BJT\n\n28 December 2011\n",
    "Title\nFebruary 30, 2019\nMarch 1, 2019\n",
]


@pytest.mark.parametrize("text", [c[1] for c in HEADERS] + LINE_CASES + [
    p.read_text(encoding="utf-8-sig") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))])
def test_line_rules_tried_at_gated_lines_find_what_the_search_finds(text):
    assert find_published(text) == _plain_published(text)


SEED_FILES = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("text", [
    "(Xinhua) Body", "Xinhua, May 4, 2017", "BEIJING (Xinhua) -- Xinhua Silk Road", "(ANI) and ANI | x",
    "CHINA DAILY | chinadaily.com.cn", "People's Daily Online) 11:09", "Source(s): Xinhua", "no publisher",
] + [c[1] for c in SOURCES] + [p.read_text(encoding="utf-8-sig") for p in SEED_FILES])
def test_one_scan_finds_the_literals_find_finds(text):
    """``find_source`` looks for every publisher literal in one scan of the page; the set is the
    one a ``str.find`` per literal gives, overlaps ("Xinhua" in "(Xinhua)") included."""
    from agrofacts.article import _literal_scan, _literals_on

    _scan, inside, _straddling = _literal_scan()
    assert _literals_on(text) == {literal for literal in inside if literal in text} | {""}
