"""Anchoring figures in time: a sentence, its figure, the period the figure refers to.

Cases are new sentences in the style of agricultural news (not the seeds),
run with the publication date 2021-11-17 unless the case says otherwise.
"""

from __future__ import annotations

import pytest

from agrofacts.extract import extract_text

PUB = "2021-11-17"

#: (id, sentence, figure text, period_start, period_end, published)
CASES = [
    ("over-a-window-is-its-period", "Ocado sales rose 10.7% over the 12 weeks to 7 November.", "10.7%",
     "2021-08-16", "2021-11-07", PUB),
    ("relative-to-a-dated-rate-is-a-base", "Inflation increased to 26.72 percent relative to the August "
     "2021 rate, which was 25.80 percent.", "26.72 percent", "", "", PUB),
    ("compared-to-the-rate-recorded-in", "It was 1.41 percent lower compared to the rate recorded in "
     "August 2021 (3.87 percent).", "1.41 percent", "", "", PUB),
    ("more-than-what-was-estimated-in", "Maize is estimated at 6.88 million tonnes, 2.67% more than what "
     "was estimated in May.", "2.67%", "", "", PUB),
    ("a-date-before-the-comparison-keeps-its-figure", "Prices were 65% higher on July 9 compared with "
     "the same period in 2020.", "65%", "2021-07-09", "2021-07-09", PUB),
    ("from-a-place-in-a-year-is-no-base", "China imported $1.5 billion of durians from Thailand in 2020.",
     "$1.5 billion", "2020-01-01", "2020-12-31", PUB),
    ("than-that-of-year-is-a-base", "Sales rose 48 percent, 16.6 percentage points higher than that of 2019.",
     "16.6 percentage points", "", "", PUB),
    ("later-figure-owns-the-date", "Inflation fell to around 2 percent from a peak of 19 percent in "
     "March 2021.", "around 2 percent", "", "", PUB),
    ("later-figure-takes-its-date", "Inflation fell to around 2 percent from a peak of 19 percent in "
     "March 2021.", "19 percent", "2021-03-01", "2021-03-31", PUB),
    ("change-and-level-reached-share-the-date", "Sales rose 20 percent to 3 billion yuan in 2020.",
     "20 percent", "2020-01-01", "2020-12-31", PUB),
    ("change-year-on-year-and-level-reached", "Grain output rose 2.9 percent year-on-year to 546.61 million "
     "tons in 2010.", "2.9 percent", "2010-01-01", "2010-12-31", PUB),
    ("level-reached-keeps-its-date", "Sales rose 20 percent to 3 billion yuan in 2020.",
     "3 billion yuan", "2020-01-01", "2020-12-31", PUB),
    ("level-changed-from-is-not-the-dates", "The share rose from 5 percent to 8 percent in 2020.",
     "5 percent", "", "", PUB),
    ("change-to-level-restated-in-brackets", "The total value expanded by 10.4 percent to 5.6 billion yuan "
     "($876 million) in 2020.", "10.4 percent", "2020-01-01", "2020-12-31", PUB),
    ("change-to-reach-level", "Online sales rose 16.3 percent year on year to reach about 1.43 trillion yuan "
     "in the first three quarters of this year.", "16.3 percent", "2021-01-01", "2021-09-30", PUB),
    ("figure-before-a-change-is-no-change", "The income of the 600 million rural residents more than doubled "
     "to reach 18,931 yuan in 2021.", "600 million rural residents", "", "", PUB),
    ("change-clause-after-figure-takes-its-period", "The county achieved a GDP of 11.953 billion yuan in "
     "2022, up 5.8% year-on-year.", "5.8%", "2022-01-01", "2022-12-31", PUB),
    ("increase-clause-after-figure", "Exports reached 5 billion yuan in 2020, an increase of 12 percent over "
     "the previous year.", "12 percent", "2020-01-01", "2020-12-31", PUB),
    ("change-clause-base-keeps-no-period", "The standard of 2,300 yuan was adopted in 2011, an increase "
     "from the 1,274-yuan standard.", "1,274-yuan", "", "", PUB),
    ("clause-with-own-subject-keeps-no-period", "Sales hit 5 billion yuan in 2020, while imports fell 3 "
     "percent.", "3 percent", "", "", PUB),
    ("change-clause-after-unanchored-figure", "The firm has 300 stores in the city, up 5 percent, and sold "
     "goods in 2020.", "5 percent", "", "", PUB),
    ("quoted-fronted-date", "\u201cIn 2020, we sold 500 tonnes,\u201d he said.", "500 tonnes", "2020-01-01",
     "2020-12-31", PUB),
    ("restated-figure-keeps-the-date", "It sold 2 billion yuan ($280 million) worth of goods in 2020.",
     "2 billion yuan", "2020-01-01", "2020-12-31", PUB),
    ("subject-date-linked-by-verb", "Sales in October 2021 hit 3 billion yuan.",
     "3 billion yuan", "2021-10-01", "2021-10-31", PUB),
    ("subject-month-range-linked", "Sales in Jan-Oct 2021 hit more than 3 billion yuan.",
     "more than 3 billion yuan", "2021-01-01", "2021-10-31", PUB),
    ("subject-year-was", "Its revenue in 2020 was 3.5 million yuan.",
     "3.5 million yuan", "2020-01-01", "2020-12-31", PUB),
    ("mid-clause-date-not-linked", "The firm set up a fund in December 2017 and plans to invest "
     "10 billion yuan.", "10 billion yuan", "", "", PUB),
    ("season-named-before-the-verb", "Exports in the 2023/24 season rose to 30 million tonnes.",
     "30 million tonnes", "2023-01-01", "2024-12-31", PUB),
    ("marketing-year-named-before-the-verb", "Sales for the 2009/10 marketing year hit 21 million tonnes.",
     "21 million tonnes", "2009-01-01", "2010-12-31", PUB),
    ("same-period-last-year-is-a-base", "In October, sales surged 31.5 percent from the same period last "
     "year.", "31.5 percent", "2021-10-01", "2021-10-31", PUB),
    ("same-month-a-year-ago-is-a-base", "Prices rose 2.2 percent from the same month a year ago.",
     "2.2 percent", "", "", PUB),
    ("fronted-month-stressed", "In July alone, imports reached 9.73 million tonnes.",
     "9.73 million tonnes", "2021-07-01", "2021-07-31", PUB),
    ("fronted-year", "In 2017, more than 28 million users bought farm goods online.",
     "more than 28 million users", "2017-01-01", "2017-12-31", PUB),
    ("opening-year-no-comma", "In 2017 more than 28 million users bought farm goods online.",
     "more than 28 million users", "2017-01-01", "2017-12-31", PUB),
    ("date-after-figure", "Online sales reached more than 240 billion yuan in 2017, up 53.3 percent over "
     "the previous year.", "more than 240 billion yuan", "2017-01-01", "2017-12-31", PUB),
    ("change-over-a-base-takes-the-figures-period", "Online sales reached more than 240 billion yuan in "
     "2017, up 53.3 percent over the previous year.", "53.3 percent", "2017-01-01", "2017-12-31", PUB),
    ("date-after-a-reporting-verb", "Data showed in 2018 the wage income was 3,627 yuan.", "3,627 yuan",
     "2018-01-01", "2018-12-31", PUB),
    ("date-of-the-reporting-before-that", "Data showed on Monday that sales rose 5 percent.", "5 percent", "",
     "", PUB),
    ("respectively-shares-the-date", "Sales and profits reached 5 billion yuan and 300 million yuan "
     "respectively in 2019.", "5 billion yuan", "2019-01-01", "2019-12-31", PUB),
    ("change-after-a-compared-base-keeps-no-period", "Sales reached 5 billion yuan in 2020, compared with "
     "4 billion yuan in 2019, up 25 percent.", "25 percent", "", "", PUB),
    ("subject-date-and-a-verb-of-change", "Sales in October 2021 rose 5 percent.", "5 percent", "2021-10-01",
     "2021-10-31", PUB),
    ("subject-date-and-fell-by", "Sales in 2020 fell by 3 percent.", "3 percent", "2020-01-01", "2020-12-31",
     PUB),
    ("level-after-a-dated-change", "Exports rose 5 percent in January to 12 billion dollars.",
     "12 billion dollars", "2021-01-01", "2021-01-31", PUB),
    ("level-after-a-dated-base-keeps-no-period", "The share rose from 5 percent in 2019 to 8 percent.",
     "8 percent", "", "", PUB),
    ("compared-to-is-no-level-reached", "Prices rose 5 percent in May compared to 3 percent a year earlier.",
     "3 percent", "", "", PUB),
    ("participle-date-is-not-the-subjects", "Sales of cars made in 2019 dropped 20 percent.", "20 percent",
     "", "", PUB),
    ("date-of-a-change-base-governs-nothing", "Prices fell 5 percent from a peak in June.", "5 percent", "",
     "", PUB),
    ("base-figure-keeps-its-own-date", "Input increased from 12.75 billion yuan in 2001 to 34.93 billion "
     "yuan.", "12.75 billion yuan", "2001-01-01", "2001-12-31", PUB),
    ("comparing-with-is-a-base", "Sales rose 85 percent comparing with last year.", "85 percent", "", "",
     PUB),
    ("comparison-base-governs-nothing", "Sales rose 53.3 percent over the previous year.", "53.3 percent",
     "", "", PUB),
    ("said-that-fronted", "He said that in the first half of this year, despite the epidemic, the alliance "
     "sold more than 2 billion yuan of goods.", "more than 2 billion yuan", "2021-01-01", "2021-06-30", PUB),
    ("restatement-shares-period", "In the first half of this year, the alliance sold 2 billion yuan "
     "(about 295 million U.S. dollars) of goods.", "about 295 million U.S. dollars", "2021-01-01",
     "2021-06-30", PUB),
    ("since-founding", "The alliance has helped sell goods worth over 2 billion yuan since its founding in "
     "August 2018.", "over 2 billion yuan", "2018-08-01", "2021-11-17", PUB),
    ("since-year", "The company has trained 5,000 people since 2014.",
     "5,000 people", "2014-01-01", "2021-11-17", PUB),
    ("since-without-publication", "The company has trained 5,000 people since 2014.",
     "5,000 people", "", "", None),
    ("mid-clause-date-before-figure", "Alibaba set up a fund in December 2017 and plans to invest 10 billion "
     "yuan in five years.", "10 billion yuan", "", "", PUB),
    ("as-of-fronted", "As of September, the platform had 3,000 stores.",
     "3,000 stores", "2021-09-01", "2021-09-30", PUB),
    ("as-of-after", "The platform had 3,000 stores as of September.",
     "3,000 stores", "2021-09-01", "2021-09-30", PUB),
    ("last-year-fronted", "Last year, the project lifted more than 10,000 families out of poverty.",
     "more than 10,000 families", "2020-01-01", "2020-12-31", PUB),
    ("range-fronted", "From February to March, the workshop received 50,000 orders.",
     "50,000 orders", "2021-02-01", "2021-03-31", PUB),
    ("by-year-in-own-clause", "The measures will cover 90 villages by 2020, and more than 60 percent of "
     "residents will find jobs.", "90 villages", "2020-01-01", "2020-12-31", PUB),
    ("other-clause-stays-empty", "The measures will cover 90 villages by 2020, and more than 60 percent of "
     "residents will find jobs.", "more than 60 percent", "", "", PUB),
    ("dateline-governs-nothing", "BEIJING, Nov. 15 (Xinhua) -- The company sold 500 tonnes of apples.",
     "500 tonnes", "", "", PUB),
    ("from-year-is-a-base", "Exports rose 20 percent from 2018.", "20 percent", "", "", PUB),
    ("than-in-year", "Output was 12 percent higher than in 2019.", "12 percent", "", "", PUB),
    ("duration-is-no-date", "In less than two months, the store sold 100,000 kilograms of grain.",
     "100,000 kilograms", "", "", PUB),
    ("this-year-after", "The county plans to lift 25,000 people out of poverty this year.",
     "25,000 people", "2021-01-01", "2021-12-31", PUB),
    ("semicolon-first-clause", "In 2019, the county had 420 online stores; in 2020 it had 600 online stores.",
     "420 online stores", "2019-01-01", "2019-12-31", PUB),
    ("semicolon-second-clause",
     "In 2019, the county had 420 online stores; in 2020 it had 600 online stores.",
     "600 online stores", "2020-01-01", "2020-12-31", PUB),
    ("relative-without-publication", "This year, the county will train 5,000 farmers.",
     "5,000 farmers", "", "", None),
    ("other-sentence", "The shop opened in 2015. It sold 300 tonnes of rice.", "300 tonnes", "", "", PUB),
    ("participle-clause-goes-on-in-the-date", "Output hit a record in 2022, reaching 147.39 million tons.",
     "147.39 million tons", "2022-01-01", "2022-12-31", PUB),
    ("accounting-for-after-a-dated-figure", "Output rose 5 percent in 2022, accounting for 30 percent.",
     "30 percent", "2022-01-01", "2022-12-31", PUB),
    ("an-ani-dateline-dates-no-figure", "New Delhi [India], November 17 : Farmers have sown 1021.48 lakh "
     "hectares.", "1021.48 lakh hectares", "", "", PUB),
    ("above-a-dated-average-is-a-base", "Yields rose 12.9 bushels above the 2013 average.",
     "12.9 bushels", "", "", PUB),
    ("during-the-period-names-the-period-before", "Trade reached 196,400 tonnes in the first half of 2021. "
     "During the period, imports reached 24,400 tonnes.", "24,400 tonnes", "2021-01-01", "2021-06-30", PUB),
    ("the-period-after-a-base-is-no-period", "Sales rose 84 percent compared with the same period of 2019. "
     "Volume exceeded 400 million parcels during the period.", "exceeded 400 million parcels", "", "", PUB),
    ("rising-clause-goes-on-in-the-date", "Grain output was 695 million tonnes in 2023, rising 1.3 percent.",
     "1.3 percent", "2023-01-01", "2023-12-31", PUB),
    ("with-clause-goes-on-in-the-date", "Output reached 7 million tonnes in 2020, with an output value of "
     "23 billion yuan.", "23 billion yuan", "2020-01-01", "2020-12-31", PUB),
    ("with-clause-after-a-span-is-not-its-end", "Funds rose from 12.75 billion yuan in 2001 to 34.93 billion "
     "yuan in 2010, with an average annual growth rate of 11.9 percent.", "11.9 percent", "", "", PUB),
    ("with-clause-of-a-report", "The fair closed on Thursday, with the organizers saying it generated "
     "orders worth $28 billion.", "$28 billion", "", "", PUB),
    ("up-from-after-a-dated-figure-is-a-base", "Sales grew 10 percent in 2021, up from 8 percent.",
     "8 percent", "", "", PUB),
]


@pytest.mark.parametrize("text,figure,start,end,published", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_anchoring(text, figure, start, end, published):
    facts = extract_text(text, published=published)
    for f in facts:
        assert text[f.start_char:f.end_char] == f.text
    found = [f for f in facts if f.text == figure]
    assert len(found) == 1, [f.text for f in facts]
    assert (found[0].period_start, found[0].period_end) == (start, end)


def test_enough_cases():
    assert len(CASES) >= 15


def test_figures_read_from_user_data_equal_span_extension():
    """``figures_of`` reads ``span._.figure`` where spaCy keeps it; it must say what ``span._`` says."""
    from agrofacts.anchoring import PLAIN_FIGURE, figures_of
    from agrofacts.figure import SPAN_KEY
    from agrofacts.pipeline import build_pipeline

    assert PLAIN_FIGURE
    doc = build_pipeline()(" ".join(c[1] for c in CASES))
    spans = list(doc.spans[SPAN_KEY])
    assert len(spans) > 20
    assert figures_of(doc, spans) == [s._.figure for s in spans]


def test_clause_numbers_agree_with_a_count_over_the_doc():
    """Numbering sentence by sentence gives equal and ordered numbers exactly where a doc-wide count does."""
    from agrofacts.anchoring import BREAKS, _Clauses, _inside_word
    from agrofacts.pipeline import build_pipeline
    from agrofacts.tokenlists import sentence_starts
    from agrofacts.tokenview import spaces_of, words_of

    extra = " Sales of e-commerce - up 5% -- rose; Q: 2016-2020."
    doc = build_pipeline()(" ".join(c[1] for c in CASES) + extra)
    words, spaces, starts = words_of(doc), spaces_of(doc), sentence_starts(doc)
    whole, n = [], 0
    for i, word in enumerate(words):
        n += i in starts
        whole.append(n)
        n += word in BREAKS and not _inside_word(words, spaces, i)
    clauses = _Clauses(doc, starts)
    for number in range(len(starts) + 1):
        clauses.number_sentence(number)
    lazy = clauses.numbers
    pairs = [(i, j) for i in range(len(words)) for j in range(len(words))]
    assert [(whole[i] == whole[j], whole[i] < whole[j]) for i, j in pairs] == \
        [(lazy[i] == lazy[j], lazy[i] < lazy[j]) for i, j in pairs]
