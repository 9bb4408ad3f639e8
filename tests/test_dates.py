"""Date and duration expressions: what each names, as a table of cases (not from the seeds).

Every case runs through ``extract_text`` with the publication date
2021-11-17 (a Wednesday) and checks the date and duration facts exactly:
text, offsets, period or value.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from agrofacts.extract import extract_text

PUB = "2021-11-17"


def time_facts(text: str, published: str | None = PUB, unresolved: bool = True):
    facts = extract_text(text, published=published, unresolved_dates=unresolved)
    for f in facts:
        assert text[f.start_char:f.end_char] == f.text
    return [f for f in facts if f.kind in ("date", "duration")]


def as_rows(facts):
    return [(f.text, f.period_start, f.period_end) if f.kind == "date"
            else (f.text, f.value, f.qualifier) for f in facts]


#: (id, sentence, expected date facts as (text, period_start, period_end)) — NEW cases.
DATES = [
    ("month-day-year", "The plant opened on Oct. 23, 2019.", [("Oct. 23, 2019", "2019-10-23", "2019-10-23")]),
    ("day-month-year", "It was founded on 23 October 2019.",
     [("23 October 2019", "2019-10-23", "2019-10-23")]),
    ("iso", "The notice is dated 2019-11-24.", [("2019-11-24", "2019-11-24", "2019-11-24")]),
    ("month-year", "Sales began in August 2018.", [("August 2018", "2018-08-01", "2018-08-31")]),
    ("in-year", "She moved there in 2008.", [("2008", "2008-01-01", "2008-12-31")]),
    # A year that qualifies the noun after it, after "the", a possessive or at a sentence's start.
    ("year-before-a-noun", "The 2024 harvest reached 700 million tonnes.",
     [("2024", "2024-01-01", "2024-12-31")]),
    ("year-opening-a-sentence", "2025 beef production will fall.", [("2025", "2025-01-01", "2025-12-31")]),
    ("possessive-year", "It raised the firm's 2017 forecast.", [("2017", "2017-01-01", "2017-12-31")]),
    ("year-after-closed", "Trade closed 2023 with a record.", [("2023", "2023-01-01", "2023-12-31")]),
    ("year-after-over", "Output rose 5 percent over 2016.", [("2016", "2016-01-01", "2016-12-31")]),
    ("a-date-named-again-in-brackets", "Sales rose 5 percent in the first half (H1) of 2021.",
     [("the first half", "2021-01-01", "2021-06-30")]),
    ("ordinal-day-month-comma-year", "The event ended on 25th Nov, 2019.",
     [("25th Nov, 2019", "2019-11-25", "2019-11-25")]),
    ("month-abbreviation-glued-to-its-day", "It was reported on Dec.13, 2018.",
     [("Dec.13, 2018", "2018-12-13", "2018-12-13")]),
    ("vna-sign-off-after-a-year", "Exports reached 6.7 million tonnes in 2020./.",
     [("2020", "2020-01-01", "2020-12-31")]),
    ("during-the-period-is-no-date-of-its-own", "Sales rose in 2020. During the period, imports rose.",
     [("2020", "2020-01-01", "2020-12-31")]),
    ("two-quarters-one-span", "GDP grew 5 percent in the first and second quarters.",
     [("the first and second quarters", "2021-01-01", "2021-06-30")]),
    ("month-as-the-subject", "June registered a 1.2 percent increase.",
     [("June", "2021-06-01", "2021-06-30")]),
    ("months-as-the-subject", "Both May and June saw prices rise.",
     [("May", "2021-05-01", "2021-05-31"), ("June", "2021-06-01", "2021-06-30")]),
    ("same-month-of-a-year", "Sales were higher than in the same month of 2019.",
     [("2019", "2019-01-01", "2019-12-31")]),
    # A fiscal year starts in a month each company or state chooses: its parts name no calendar period.
    ("fiscal-quarter-has-no-period", "Revenue rose 5 percent in the fiscal second quarter.",
     [("second quarter", "", "")]),
    ("fiscal-quarter-token-has-no-period", "Sales rose 3% in fiscal Q2.", [("Q2", "", "")]),
    ("financial-year-range-has-no-period", "Profit will reach 1 billion pounds in financial 2025-26.",
     [("2025-26", "", "")]),
    # A year after "of", "for" or a comparison, with nothing counted after it (datepoints.py).
    ("than-that-of-year", "Sales were 16.6 points higher than that of 2019.",
     [("2019", "2019-01-01", "2019-12-31")]),
    ("same-period-of-year", "Sales rose over the same period of 2019.",
     [("2019", "2019-01-01", "2019-12-31")]),
    ("compared-with-year", "Sales rose 10 percent compared with 2019.",
     [("2019", "2019-01-01", "2019-12-31")]),
    ("for-year", "The plan for 2021 was approved.", [("2021", "2021-01-01", "2021-12-31")]),
    ("versus-year", "Sales rose 6.8% versus 2022.", [("2022", "2022-01-01", "2022-12-31")]),
    # A window of so many units that end on a date (dates.py, periods.window_to).
    ("weeks-to-a-day", "Grocery prices rose 1.6% in the four weeks to 7 July.",
     [("the four weeks to 7 July", "2021-06-10", "2021-07-07")]),
    ("months-to-a-month", "Sales rose 5% in the 12 months to June.",
     [("the 12 months to June", "2020-07-01", "2021-06-30")]),
    ("quarter-ended-a-day", "Revenue rose 5% in the quarter ended July 28, 2023.",
     [("the quarter ended July 28, 2023", "2023-04-29", "2023-07-28")]),
    ("ordinal-quarter-ended-a-day", "It lost $535.1 million for the first quarter ended January 28, 2018.",
     [("the first quarter ended January 28, 2018", "2017-10-29", "2018-01-28")]),
    ("financial-year-ended", "Profit rose 5% in the financial year ended March 31, 2021.",
     [("the financial year ended March 31, 2021", "2020-04-01", "2021-03-31")]),
    ("quarter-ended-a-month-end", "Revenue rose 5% in the quarter ended June 30, 2021.",
     [("the quarter ended June 30, 2021", "2021-04-01", "2021-06-30")]),
    ("quarter-named-by-its-last-month", "Sales rose 4% in the March quarter.",
     [("March quarter", "2021-01-01", "2021-03-31")]),
    ("quarter-named-by-its-last-month-of-a-year", "Profit rose in the June quarter of 2020.",
     [("June quarter of 2020", "2020-04-01", "2020-06-30")]),
    ("quarter-of-a-fiscal-year-named-after", "Net profit rose 20% in Q3 FY23.", [("Q3", "", "")]),
    ("year-to-a-month", "Inflation was 3% in the year to June 2019.",
     [("the year to June 2019", "2018-07-01", "2019-06-30")]),
    ("day-range-with-to-and-no-from", "Shipments fell 8% during Aug 1 to 25.",
     [("Aug 1 to 25", "2021-08-01", "2021-08-25")]),
    ("year-before-year-on-year", "Grain output rose 2 percent in 2019 year-on-year.",
     [("2019", "2019-01-01", "2019-12-31")]),
    ("split-year-before-year", "Exports rose in the full 2018-19 year.",
     [("2018-19", "2018-01-01", "2019-12-31")]),
    ("abbreviated-month-span-with-stops", "Sales rose in the Jan.-Sept. period.",
     [("Jan.-Sept.", "2021-01-01", "2021-09-30")]),
    ("month-span-period-last-year", "Sales rose 5 percent in the January-February period last year.",
     [("January-February period last year", "2020-01-01", "2020-02-29")]),
    ("month-span-before-period", "Sales rose 5 percent in the January-October period.",
     [("January-October", "2021-01-01", "2021-10-31")]),
    ("in-year-and-year", "In 2020 and 2021, farmers earned more.",
     [("2020", "2020-01-01", "2020-12-31"), ("2021", "2021-01-01", "2021-12-31")]),
    ("in-list-of-years", "In 2019, 2020 and 2021, output grew.",
     [("2019", "2019-01-01", "2019-12-31"), ("2020", "2020-01-01", "2020-12-31"),
      ("2021", "2021-01-01", "2021-12-31")]),
    ("month-range-period-of-year", "Sales rose in the January-October period of 2021.",
     [("January-October period of 2021", "2021-01-01", "2021-10-31")]),
    ("day-range-in-one-month", "From November 1 to 11, couriers handled 3.9 billion parcels.",
     [("From November 1 to 11", "2021-11-01", "2021-11-11")]),
    ("day-first-range-in-one-month", "From 1 to 11 November, couriers handled 3.9 billion parcels.",
     [("From 1 to 11 November", "2021-11-01", "2021-11-11")]),
    ("between-days-of-one-month", "The festival falls between Sept. 22 and 24 each year.",
     [("between Sept. 22 and 24", "2021-09-22", "2021-09-24")]),
    ("day-range-with-year", "Sales rose from March 3 to 9, 2020.", [("from March 3 to 9, 2020", "2020-03-03",
                                                                      "2020-03-09")]),
    ("second-day-before-first-is-no-range", "From March 9 to 3 villages, aid was sent.",
     [("March 9", "2021-03-09", "2021-03-09")]),
    ("months-joined-without-from", "Imports fell in January to May 2013.",
     [("January to May 2013", "2013-01-01", "2013-05-31")]),
    ("month-years-joined-by-spaced-dash", "The season runs July 2024 - June 2025.",
     [("July 2024 - June 2025", "2024-07-01", "2025-06-30")]),
    ("previous-year-after-last-year-is-unsure", "The poor population fell by the end of last year, down "
     "from the previous year.", [("by the end of last year", "2020-01-01", "2020-12-31"),
                                 ("the previous year", "", "")]),
    ("the-same-year", "Exports rose in 2019, and in the same year imports fell.",
     [("2019", "2019-01-01", "2019-12-31"), ("the same year", "2019-01-01", "2019-12-31")]),
    ("the-same-year-in-a-later-sentence", "Exports rose in 2019. In the same year, imports fell.",
     [("2019", "2019-01-01", "2019-12-31"), ("the same year", "2019-01-01", "2019-12-31")]),
    ("coming-rule-is-this-years", "The new rules take effect on December 1.",
     [("December 1", "2021-12-01", "2021-12-01")]),
    ("coming-event-reported-in-the-past-is-this-years", "The rules take effect on December 1, the ministry "
     "announced.", [("December 1", "2021-12-01", "2021-12-01")]),
    ("later-month-with-past-verb-is-last-years", "Exports rose 15 percent in December, higher than analysts "
     "had expected.", [("December", "2020-12-01", "2020-12-31")]),
    ("quarter-still-to-come-is-last-years", "GDP grew 6.5 percent in the fourth quarter.",
     [("the fourth quarter", "2020-10-01", "2020-12-31")]),
    ("quarter-ended-is-this-years", "GDP grew 6.5 percent in the third quarter.",
     [("the third quarter", "2021-07-01", "2021-09-30")]),
    ("yearless-month-takes-the-sentence-year", "In 2019, exports peaked in October.",
     [("2019", "2019-01-01", "2019-12-31"), ("October", "2019-10-01", "2019-10-31")]),
    ("expected-to-is-no-past", "Output is expected to reach 5 million tonnes in December.",
     [("December", "2021-12-01", "2021-12-31")]),
    ("relative-clause-past-is-not-the-sentences", "The rules, which were released on Monday, take effect on "
     "December 1.", [("Monday", "2021-11-15", "2021-11-15"), ("December 1", "2021-12-01", "2021-12-01")]),
    ("since-year-does-not-date-the-month", "Since 2018, the county has built 300 greenhouses, including 50 "
     "in April.", [("Since 2018", "2018-01-01", "2018-12-31"), ("April", "2021-04-01", "2021-04-30")]),
    ("looking-ahead-beats-the-written-year", "The program, launched in 2018, will end in December.",
     [("2018", "2018-01-01", "2018-12-31"), ("December", "2021-12-01", "2021-12-31")]),
    ("day-then-last-year", "Prices rose on Nov. 10 last year.",
     [("Nov. 10 last year", "2020-11-10", "2020-11-10")]),
    ("noun-plan-does-not-look-ahead", "In 2019, the county completed its five-year plan in November.",
     [("2019", "2019-01-01", "2019-12-31"), ("November", "2019-11-01", "2019-11-30")]),
    ("restrictive-relative-clause-keeps-the-verb", "Sales of the products which the firm makes jumped 20 "
     "percent in December.", [("December", "2020-12-01", "2020-12-31")]),
    ("date-inside-a-relative-clause", "Pork prices, which rose 5 percent in December, are a key indicator.",
     [("December", "2020-12-01", "2020-12-31")]),
    ("estimated-as-a-main-verb-is-past", "Analysts estimated losses at 5 billion yuan in December.",
     [("December", "2020-12-01", "2020-12-31")]),
    ("a-dash-after-a-date-mid-sentence-is-no-dateline", "Sales peaked on Singles Day, Nov. 11 - the biggest "
     "day - at 5 billion yuan.", [("Nov. 11", "2021-11-11", "2021-11-11")]),
    ("the-year-named", "In the year 2018, output was 5 tonnes.",
     [("the year 2018", "2018-01-01", "2018-12-31")]),
    ("ordinal-day-first", "The meeting on 25th November 2020 approved the plan.",
     [("25th November 2020", "2020-11-25", "2020-11-25")]),
    ("ordinal-day-after-month", "On March 1st, 2020, the fair opened.",
     [("March 1st, 2020", "2020-03-01", "2020-03-01")]),
    ("later-month-is-last-years", "Prices rose 3 percent in December.",
     [("December", "2020-12-01", "2020-12-31")]),
    ("later-month-when-looking-ahead", "The fair will be held in December.",
     [("December", "2021-12-01", "2021-12-31")]),
    ("earlier-month-is-this-years", "Prices rose 3 percent in October.",
     [("October", "2021-10-01", "2021-10-31")]),
    ("later-day-range-is-last-years", "From December 1 to 11, couriers handled 3.9 billion parcels.",
     [("From December 1 to 11", "2020-12-01", "2020-12-11")]),
    ("abbreviated-month-range", "Sales in Jan-Oct 2021 rose.",
     [("Jan-Oct 2021", "2021-01-01", "2021-10-31")]),
    ("month-range-publication-year", "Exports in January-March rose.",
     [("January-March", "2021-01-01", "2021-03-31")]),
    ("month-range-over-new-year", "Sales in November-February rose.",
     [("November-February", "2021-11-01", "2022-02-28")]),
    ("season-years", "Exports in the 2023/24 season rose.", [("2023/24", "2023-01-01", "2024-12-31")]),
    ("marketing-year-four-digits", "In 2022/2023, output fell.", [("2022/2023", "2022-01-01", "2023-12-31")]),
    ("season-over-a-century", "Output in the 1999/00 season fell.",
     [("1999/00", "1999-01-01", "2000-12-31")]),
    ("comma-alone-starts-no-list", "In 2020, 2000 farmers joined.", [("2020", "2020-01-01", "2020-12-31")]),
    ("slash-numbers-not-a-season", "Case 2019/17 was closed.", []),
    ("since-month-is-past", "Prices have risen since December.",
     [("since December", "2020-12-01", "2020-12-31")]),
    ("month-comma-year", "Prices have risen since October, 2016.",
     [("since October, 2016", "2016-10-01", "2016-10-31")]),
    ("first-months-of-the-year", "In the first four months, sales rose.",
     [("the first four months", "2021-01-01", "2021-04-30")]),
    ("first-months-of-the-year-written", "Tea exports rose in the first four months of the year.",
     [("the first four months of the year", "2021-01-01", "2021-04-30")]),
    ("first-half-of-the-year-after-a-year", "In 2019, exports rose in the first half of the year.",
     [("2019", "2019-01-01", "2019-12-31"), ("the first half of the year", "2019-01-01", "2019-06-30")]),
    ("first-months-of-something-else", "In the first 10 months of the project, it grew.", []),
    ("in-month-or-month", "Sales rose in May or June.",
     [("May", "2021-05-01", "2021-05-31"), ("June", "2021-06-01", "2021-06-30")]),
    ("year-after-comma-not-dated-alone", "He said 2020, and nothing more.", []),
    ("In-month-year", "In October 2013, the county set up a center.",
     [("October 2013", "2013-10-01", "2013-10-31")]),
    ("mid-year", "Prices peaked in mid-2019.", [("mid-2019", "2019-05-01", "2019-08-31")]),
    ("decade", "Output doubled in the 1990s.", [("the 1990s", "1990-01-01", "1999-12-31")]),
    ("quarter-words", "Profit rose in the third quarter of 2019.",
     [("the third quarter of 2019", "2019-07-01", "2019-09-30")]),
    ("quarter-token", "Revenue fell in Q3 2019.", [("Q3 2019", "2019-07-01", "2019-09-30")]),
    ("first-half", "Exports grew in the first half of 2019.",
     [("the first half of 2019", "2019-01-01", "2019-06-30")]),
    ("second-half", "Imports fell in the second half of 2018.",
     [("the second half of 2018", "2018-07-01", "2018-12-31")]),
    ("half-token", "Sales grew in H1 2020.", [("H1 2020", "2020-01-01", "2020-06-30")]),
    ("first-three-quarters", "Growth held up in the first three quarters of 2019.",
     [("the first three quarters of 2019", "2019-01-01", "2019-09-30")]),
    ("first-ten-months", "Trade rose in the first 10 months of 2020.",
     [("the first 10 months of 2020", "2020-01-01", "2020-10-31")]),
    ("range-months", "From February to March, shops stayed shut.",
     [("From February to March", "2021-02-01", "2021-03-31")]),
    ("range-between-years", "The plan ran between 2015 and 2018.",
     [("between 2015 and 2018", "2015-01-01", "2018-12-31")]),
    ("range-hyphen", "It is part of the 2016-2020 plan.", [("2016-2020", "2016-01-01", "2020-12-31")]),
    ("range-from-to-years", "Income rose from 2013 to 2017.",
     [("from 2013 to 2017", "2013-01-01", "2017-12-31")]),
    ("range-year-on-end", "Sales grew from January to October 2019.",
     [("from January to October 2019", "2019-01-01", "2019-10-31")]),
    ("range-across-new-year", "The campaign ran from November 2019 to February.",
     [("from November 2019 to February", "2019-11-01", "2020-02-29")]),
    ("range-short-year", "It was the best of the 2019-20 season.", [("2019-20", "2019-01-01", "2020-12-31")]),
    ("range-days", "The fair ran on Nov. 23-24, 2019.", [("Nov. 23-24, 2019", "2019-11-23", "2019-11-24")]),
    ("bound-by", "Poverty will end by 2020.", [("by 2020", "2020-01-01", "2020-12-31")]),
    ("bound-since", "It has grown since 2014.", [("since 2014", "2014-01-01", "2014-12-31")]),
    ("bound-as-of", "The fund stood firm as of September.",
     [("as of September", "2021-09-01", "2021-09-30")]),
    ("bound-end-of", "By the end of March, the shop had closed.",
     [("By the end of March", "2021-03-01", "2021-03-31")]),
    ("bound-before", "The road must open before 2020.", [("before 2020", "2020-01-01", "2020-12-31")]),
    ("bound-until", "The rule holds until June 2022.", [("until June 2022", "2022-06-01", "2022-06-30")]),
    ("this-year", "Farmers expect more this year.", [("this year", "2021-01-01", "2021-12-31")]),
    ("last-year", "Last year was hard.", [("Last year", "2020-01-01", "2020-12-31")]),
    ("next-year", "It opens next year.", [("next year", "2022-01-01", "2022-12-31")]),
    ("last-month", "The firm said last month it would grow.", [("last month", "2021-10-01", "2021-10-31")]),
    ("this-month", "Prices rose this month.", [("this month", "2021-11-01", "2021-11-30")]),
    ("last-january", "Last January, the pears did not sell.", [("Last January", "2020-01-01", "2020-01-31")]),
    ("in-june", "A show began in June.", [("June", "2021-06-01", "2021-06-30")]),
    ("first-half-this-year", "Trade grew in the first half of this year.",
     [("the first half of this year", "2021-01-01", "2021-06-30")]),
    ("previous-year", "Costs were lower the previous year.",
     [("the previous year", "2020-01-01", "2020-12-31")]),
    ("weekday", "The firm on Thursday announced a plan.", [("Thursday", "2021-11-11", "2021-11-11")]),
    ("weekend", "Classes were held during the weekend.", [("the weekend", "2021-11-13", "2021-11-14")]),
    ("next-weekday", "Talks resume next Monday.", [("next Monday", "2021-11-22", "2021-11-22")]),
    ("yesterday", "The shop opened yesterday.", [("yesterday", "2021-11-16", "2021-11-16")]),
    ("years-ago", "The road was built two years ago.", [("two years ago", "2019-01-01", "2019-12-31")]),
    ("decade-ago", "A decade ago the village was poor.", [("A decade ago", "2011-01-01", "2011-12-31")]),
    ("months-ago", "It started three months ago.", [("three months ago", "2021-08-01", "2021-08-31")]),
    ("month-last-year", "In November last year, a deal was signed.",
     [("November last year", "2020-11-01", "2020-11-30")]),
    ("dateline-rolls-back", "BEIJING, Nov. 24 (Xinhua) -- Apples sold well.",
     [("Nov. 24", "2020-11-24", "2020-11-24")]),
    ("dateline-a-day-ahead-of-a-page-in-another-time-zone", "BEIJING, Nov. 18 (Reuters) - Apples sold well.",
     [("Nov. 18", "2021-11-18", "2021-11-18")]),
    ("dateline-year-does-not-date-the-month", "BEIJING, Nov. 18 (Reuters) - Imports rose in October.",
     [("Nov. 18", "2021-11-18", "2021-11-18"), ("October", "2021-10-01", "2021-10-31")]),
    ("early-month", "Seeds arrive in early June.", [("early June", "2021-06-01", "2021-06-10")]),
    ("late-last-year", "Prices fell late last year.", [("late last year", "2020-09-01", "2020-12-31")]),
    ("season-year", "It rained in the summer of 2019.", [("the summer of 2019", "2019-06-01", "2019-08-31")]),
    ("last-winter", "Snow fell last winter.", [("last winter", "2020-12-01", "2021-02-28")]),
    ("weekday-full-date", "It opened on Thursday, Dec. 5, 2019.",
     [("Thursday, Dec. 5, 2019", "2019-12-05", "2019-12-05")]),
    ("end-of-year", "The fund closes at the end of 2019.", [("the end of 2019", "2019-01-01", "2019-12-31")]),
    ("middle-of-year", "Work began in the middle of 2019.",
     [("the middle of 2019", "2019-05-01", "2019-08-31")]),
    ("since-founding", "Sales rose since its founding in August 2018.",
     [("August 2018", "2018-08-01", "2018-08-31")]),
    ("two-dates", "Li came in 2008 and left on July 25, 2019.",
     [("2008", "2008-01-01", "2008-12-31"), ("July 25, 2019", "2019-07-25", "2019-07-25")]),
]

#: (id, sentence, expected duration facts as (text, value in days, qualifier)).
DURATIONS = [
    ("hours", "It got 6,000 orders in the first 48 hours.", [("48 hours", Decimal(2), "exact")]),
    ("seconds", "Sales passed 1 billion yuan in 96 seconds.",
     [("96 seconds", Decimal("0.001111111111"), "exact")]),
    ("years", "It will invest 10 billion yuan in five years.", [("five years", Decimal("1826.25"), "exact")]),
    ("less-than-months", "In less than two months, the store sold out.",
     [("less than two months", Decimal("60.875"), "under")]),
    ("more-than-a-decade", "He farmed for more than a decade.",
     [("more than a decade", Decimal("3652.5"), "over")]),
    ("hyphenated", "It runs a two-year programme.", [("two-year", Decimal("730.5"), "exact")]),
    ("nearly-a-year", "It took nearly a year.", [("nearly a year", Decimal("365.25"), "approx")]),
    ("one-duration-in-several-units", "It only took 14 hours 21 minutes and 27 seconds to hit the mark.",
     [("14 hours 21 minutes and 27 seconds", Decimal("0.5982291666"), "exact")]),
    ("units-that-grow-are-two-durations", "It took 2 minutes and 30 hours.",
     [("2 minutes", Decimal("0.001388888889"), "exact"), ("30 hours", Decimal("1.25"), "exact")]),
    ("over-months-after-a-figure-is-across-them", "Prices rose 40% over 12 months.",
     [("12 months", Decimal("365.25"), "exact")]),
    ("over-months-after-a-verb-is-more-than", "The project took over 12 months.",
     [("over 12 months", Decimal("365.25"), "over")]),
    ("within-a-month", "It will be done within a month.", [("a month", Decimal("30.4375"), "exact")]),
    ("half-a-year", "He trained for half a year.", [("half a year", Decimal("182.625"), "exact")]),
    ("weeks", "The fair lasts three weeks.", [("three weeks", Decimal(21), "exact")]),
    ("days", "The road closed for 10 days.", [("10 days", Decimal(10), "exact")]),
]

#: Sentences with no date and no duration in them.
NOTHING = [
    ("bare-season", "Farmers sow in spring."),
    ("modal-may", "Apples may fall early."),
    ("half-of-a-match", "He scored in the first half of the match."),
    ("rate-a-year", "They earn 20 yuan a year."),
    ("quantity-after-by", "Output rose by 2000 tonnes."),
    ("count-after-for", "Funds for 2000 farmers were paid."),
    ("count-after-with", "She worked with 2000 farmers."),
    ("total-of-a-count", "A total of 2000 workers joined."),
    ("contract-month", "The contract for September delivery fell."),
    ("first-half-of-a-match", "He scored in the first half of the match."),
    ("a-named-day-is-no-date", "Sales on Black Friday rose, and Cyber Monday followed."),
    ("a-singular-time-unit-after-a-number-is-no-duration", "The program ran for 2 year."),
    ("clock-time-past-midnight", "Thirty-five minutes past midnight, the sale began."),
    ("clock-time-to-noon", "At ten minutes to noon, the sale began."),
    ("age", "A 56-year-old farmer sold pears."),
    ("the-last-year", "Prices rose over the last year."),
    ("recent-years", "E-commerce grew fast in recent years."),
    ("ordinal", "It is the third county to join."),
    ("a-year-like-count-after-the", "The 2000 farmers joined."),
    ("a-name-that-is-a-month", "May said prices were high."),
    ("a-festival-is-no-season", "Sales rose this Spring Festival."),
    ("rate-once-a-year", "The fair is held once a year."),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_periods(text, expected):
    assert as_rows(f for f in time_facts(text) if f.kind == "date") == expected


@pytest.mark.parametrize("text,expected", [c[1:] for c in DURATIONS], ids=[c[0] for c in DURATIONS])
def test_durations(text, expected):
    facts = time_facts(text)
    assert as_rows(facts) == expected
    assert all(f.unit == "day" and f.period_start == "" for f in facts)


@pytest.mark.parametrize("text", [c[1] for c in NOTHING], ids=[c[0] for c in NOTHING])
def test_no_date_or_duration(text):
    assert time_facts(text) == []


def test_table_is_big_enough():
    assert len(DATES) + len(DURATIONS) >= 50


@pytest.mark.parametrize("text,year", [("In 2019 farmers earned 5,000 yuan.", "2019"),
                                       ("By 2020 the 90 villages had roads.", "By 2020")],
                         ids=["in-2019-farmers", "by-2020-the"])
def test_a_year_is_never_a_count(text, year):
    facts = extract_text(text, published=PUB)
    assert [(f.kind, f.text) for f in facts if f.kind in ("date", "count")][0] == ("date", year)
    assert not any(f.kind == "count" and f.value in (2019, 2020) for f in facts)


UNRESOLVED = "This year, the county will train 5,000 farmers. Last January it was founded in 2008."


def test_unresolved_dates_are_listed_with_empty_periods_on_request():
    rows = as_rows(time_facts(UNRESOLVED, published=None, unresolved=True))
    assert rows == [("This year", "", ""), ("Last January", "", ""), ("2008", "2008-01-01", "2008-12-31")]


def test_unresolved_dates_are_left_out_by_default():
    rows = as_rows(time_facts(UNRESOLVED, published=None, unresolved=False))
    assert rows == [("2008", "2008-01-01", "2008-12-31")]


def test_previous_year_after_a_named_year_has_no_period():
    """'in 2017, up 5 percent over the previous year' means 2016, not the year before publication."""
    rows = as_rows(time_facts("Sales rose in 2017, up 5 percent over the previous year."))
    assert rows == [("2017", "2017-01-01", "2017-12-31"), ("the previous year", "", "")]


def test_dateline_date_in_the_year_of_publication():
    rows = as_rows(time_facts("BEIJING, Nov. 15 (Xinhua) -- Apples sold well."))
    assert rows == [("Nov. 15", "2021-11-15", "2021-11-15")]


def test_article_date_line_beats_published_option():
    text = "Source: Xinhua| 2019-11-24 15:40:04\n\nBEIJING, Nov. 24 (Xinhua) -- Sales rose this year."
    facts = extract_text(text, published="2021-01-01")
    assert facts[0].published == "2019-11-24"
    assert as_rows(f for f in facts if f.kind == "date")[-1] == ("this year", "2019-01-01", "2019-12-31")


#: (id, sentence, expected date facts) published on Tuesday 2015-11-10, the eve of Singles' Day.
AROUND_PUBLICATION = [
    ("weekday-in-a-future-clause-is-ahead", "The bureau will hold a press conference on Friday.",
     [("Friday", "2015-11-13", "2015-11-13")]),
    ("weekday-in-a-past-clause-is-behind", "Sales rose 5 percent on Friday.",
     [("Friday", "2015-11-06", "2015-11-06")]),
    ("a-day-just-after-publication-is-this-years", "Nov. 11 has become the biggest shopping day.",
     [("Nov. 11", "2015-11-11", "2015-11-11")]),
    ("a-month-after-publication-in-past-tense-is-last-years", "Prices rose 3% in December.",
     [("December", "2014-12-01", "2014-12-31")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in AROUND_PUBLICATION],
                         ids=[c[0] for c in AROUND_PUBLICATION])
def test_dates_around_publication(text, expected):
    assert as_rows(f for f in time_facts(text, published="2015-11-10") if f.kind == "date") == expected
