"""What a sum or a measure is of: the noun before "of", or the subject a verb ties to the figure.

Each row: (case id, sentence, figure text, expected item). New sentences in the style of
agricultural and business news, not the seeds.
"""

from __future__ import annotations

import pytest

from agrofacts.extract import extract_text

CASES = [
    ("estimated-item-makes-the-figure-approx", "The drug has an estimated street value of $275,000.",
     "$275,000", "street value"),
    ("subject-of-a-change", "The per capita disposable income of rural residents rose 8.8 percent "
     "to 16,021 yuan.", "8.8 percent", "per capita disposable income of rural residents"),
    ("subject-of-the-level-a-change-reached", "Retail sales grew 5.2 percent year on year to "
     "3.2 trillion yuan.", "3.2 trillion yuan", "Retail sales"),
    ("change-after-went-up", "Wholesale pork prices went up 0.9 percent to 41.79 yuan per kg.",
     "0.9 percent", "Wholesale pork prices"),
    ("makes-up-is-no-change", "Wheat makes up 20 percent of exports.", "20 percent", ""),
    ("subject-after-saw", "Farmers saw net farm income fall by 45% to $3.9 billion.", "45%",
     "net farm income"),
    ("noun-before-of", "The firm generated revenue of more than 1.9 million yuan.",
     "more than 1.9 million yuan", "revenue"),
    ("plain-subject", "Revenue reached 5 billion yuan.", "5 billion yuan", "Revenue"),
    ("possessive-name-left-out", "China's total grain output reached 147.39 million tonnes.",
     "147.39 million tonnes", "total grain output"),
    ("per-capita-subject", "The per capita disposable income of these residents stood at 8,163 yuan.",
     "8,163 yuan", "per capita disposable income"),
    ("head-before-a-preposition", "Export turnover at the fair reached $30.2 billion.", "$30.2 billion",
     "Export turnover"),
    ("value-of-keeps-what", "The value of fruits exported to ASEAN reached $180 million.", "$180 million",
     "value of fruits exported"),
    ("after-a-reporting-verb", "Data showed that the wage income was 3,627 yuan.", "3,627 yuan",
     "wage income"),
    ("verb-qualifier-opens-the-figure", "Sales exceeded 5 billion yuan.", "exceeded 5 billion yuan", "Sales"),
    ("with-clause", "They sell pears online, with monthly sales volume exceeding 100,000 kg.",
     "exceeding 100,000 kg", "monthly sales volume"),
    ("hyphenated-subject", "In 2020, the county's e-commerce sales hit 3 billion yuan.", "3 billion yuan",
     "e-commerce sales"),
    ("subject-after-a-dateline", "URUMQI, Dec. 15 (Xinhua) -- Cotton output in the region topped 5.1 million "
     "tonnes.", "topped 5.1 million tonnes", "Cotton output"),
    ("per-capita-before-the-head", "In 2006, the average per capita income for farmers was over 4,000 yuan.",
     "over 4,000 yuan", "average per capita income"),
    ("percent-subject", "The poverty rate stands at 41.5 percent.", "41.5 percent", "poverty rate"),
    # ---- nothing said plainly: no item
    ("pronoun-subject", "It was 5 tonnes.", "5 tonnes", ""),
    ("fronted-date-without-comma", "Last year the average income of farmers increased by 300 yuan.",
     "300 yuan", ""),
    ("relative-clause", "Exports in the season that started last July reached 26.49 million tonnes.",
     "26.49 million tonnes", ""),
    ("conjunction-without-determiner", "It sold goods and revenue was 3 million yuan.", "3 million yuan", ""),
    ("preposition-first", "Those from the USA fell to 12.5 million tonnes.", "12.5 million tonnes", ""),
    ("place-is-no-item", "Last year, Beijing reached 5 billion yuan.", "5 billion yuan", ""),
    ("company-is-no-item", "The company reached 3 billion yuan.", "3 billion yuan", ""),
    ("a-total-is-no-item", "The total was 5 billion yuan.", "5 billion yuan", ""),
    ("in-sales-after-the-sum", "The platform reached 10 billion yuan in sales.", "10 billion yuan", "sales"),
    ("in-retail-sales-after-the-sum", "Beijing reached 10 billion yuan in retail sales.", "10 billion yuan",
     "retail sales"),
    ("in-a-compound-is-no-item", "The government invested 2 billion yuan in trade infrastructure.",
     "2 billion yuan", ""),
    ("measure-subject-beats-in-sales", "Online retail sales of farm produce reached 2 billion yuan in sales.",
     "2 billion yuan", "Online retail sales of farm produce"),
    ("no-linking-verb", "The company earned 5 million yuan.", "5 million yuan", ""),
]


@pytest.mark.parametrize("text,figure,item", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_item(text, figure, item):
    facts = {f.text: f for f in extract_text(text)}
    assert facts[figure].item == item
