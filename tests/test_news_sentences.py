"""News-style sentences (none from the seed articles) and the exact facts expected.

Each row: (case id, sentence, [(kind, text, value, unit, qualifier, item), ...]).
Offsets are asserted for every fact by ``conftest.rows``.
"""

from __future__ import annotations

import pytest

from conftest import rows

CASES = [
    # ---- masses
    ("tonnes-range", "The county harvested 10 to 20 tonnes of apples.",
     [("mass", "10 to 20 tonnes", "10000", "kg", "range", "")]),
    ("metric-tons", "Grain output reached 650 million metric tons.",
     [("mass", "650 million metric tons", "650000000000", "kg", "exact", "Grain output")]),
    ("tons-are-tonnes", "The warehouse stores about 3,000 tons of rice.",
     [("mass", "about 3,000 tons", "3000000", "kg", "approx", "")]),
    ("short-tons", "The mine shipped 100 short tons of ore.",
     [("mass", "100 short tons", "90718.474", "kg", "exact", "")]),
    ("jin", "Each tree yields 200 jin of pears.",
     [("mass", "200 jin", "100", "kg", "exact", "")]),
    ("catties", "She sold 50 catties of tea leaves.",
     [("mass", "50 catties", "25", "kg", "exact", "")]),
    ("grams", "A sample weighs 500 grams.",
     [("mass", "500 grams", "0.5", "kg", "exact", "")]),
    ("kilograms-over", "Sales exceeded 30,000 kilograms last week.",
     [("mass", "exceeded 30,000 kilograms", "30000", "kg", "over", "Sales")]),
    # ---- areas
    ("mu", "The cooperative rents 1,500 mu of farmland.",
     [("area", "1,500 mu", "100", "ha", "exact", "")]),
    ("hectares", "Some 2,000 hectares were planted with corn.",
     [("area", "Some 2,000 hectares", "2000", "ha", "approx", "")]),
    ("mu-restated-hectares", "The project covers 3 million mu (200,000 hectares) of land.",
     [("area", "3 million mu", "200000", "ha", "exact", ""),
      ("area", "200,000 hectares", "200000", "ha", "exact", "")]),
    ("square-kilometers", "The reserve spans 120 square kilometers.",
     [("area", "120 square kilometers", "12000", "ha", "exact", "")]),
    # ---- money
    ("rmb-glued", "Revenue hit RMB3.2 billion in the quarter.",
     [("money", "RMB3.2 billion", "3200000000", "CNY", "exact", "Revenue")]),
    ("us-dollar-sign-m", "Exports reached US$5m.",
     [("money", "US$5m", "5000000", "USD", "exact", "Exports")]),
    ("hk-dollars", "The firm raised HK$5 billion in its listing.",
     [("money", "HK$5 billion", "5000000000", "HKD", "exact", "")]),
    ("euros-word", "The bank lent 1.5 billion euros to farmers.",
     [("money", "1.5 billion euros", "1500000000", "EUR", "exact", "")]),
    ("euro-sign", "The company earned €450 million.",
     [("money", "€450 million", "450000000", "EUR", "exact", "")]),
    ("pound-sign-m", "The road cost £450m to build.",
     [("money", "£450m", "450000000", "GBP", "exact", "")]),
    ("dollar-bn", "The deal is worth $3.2bn.",
     [("money", "$3.2bn", "3200000000", "USD", "exact", "")]),
    ("renminbi", "Loans totalled 80 million renminbi.",
     [("money", "80 million renminbi", "80000000", "CNY", "exact", "Loans")]),
    ("yuan-restated-dollars", "It set up a 5 billion yuan ($700 million) fund.",
     [("money", "5 billion yuan", "5000000000", "CNY", "exact", ""),
      ("money", "$700 million", "700000000", "USD", "exact", "")]),
    ("us-dollars-words", "Trade rose to nearly 300 billion U.S. dollars.",
     [("money", "nearly 300 billion U.S. dollars", "300000000000", "USD", "approx", "Trade")]),
    ("income-item", "Villagers had an average annual income of less than 3,000 yuan.",
     [("money", "less than 3,000 yuan", "3000", "CNY", "under", "average annual income")]),
    ("up-to-money", "Farmers can borrow up to 50,000 yuan each.",
     [("money", "up to 50,000 yuan", "50000", "CNY", "at_most", "")]),
    ("yen", "The ministry set aside 2 trillion yen.",
     [("money", "2 trillion yen", "2000000000000", "JPY", "exact", "")]),
    ("iso-after", "The grant is 2 million USD.",
     [("money", "2 million USD", "2000000", "USD", "exact", "grant")]),
    # ---- rates
    ("per-jin", "Farmers sell pears at 5 yuan per jin.",
     [("money", "5 yuan per jin", "10", "CNY/kg", "exact", "")]),
    ("per-mu", "The land rent is 1,200 yuan per mu.",
     [("money", "1,200 yuan per mu", "18000", "CNY/ha", "exact", "land rent")]),
    ("a-kilogram", "Pork costs 30 yuan a kilogram.",
     [("money", "30 yuan a kilogram", "30", "CNY/kg", "exact", "")]),
    # ---- percentages
    ("percent-word", "Income grew 8.5 percent year on year.",
     [("percent", "8.5 percent", "8.5", "%", "exact", "Income")]),
    ("per-cent", "Turnout was 62 per cent.",
     [("percent", "62 per cent", "62", "%", "exact", "Turnout")]),
    ("percent-sign", "Prices fell 2.1% in May.",
     [("percent", "2.1%", "2.1", "%", "exact", "Prices")]),
    ("percentage-points", "The rate fell 0.3 percentage points to 5.1 percent.",
     [("percent", "0.3 percentage points", "0.3", "pp", "exact", "rate"),
      ("percent", "5.1 percent", "5.1", "%", "exact", "rate")]),
    ("percent-range", "Prices rose between 5 and 8 percent.",
     [("percent", "between 5 and 8 percent", "5", "%", "range", "Prices")]),
    ("almost-percent", "Almost 90 percent of households joined.",
     [("percent", "Almost 90 percent", "90", "%", "approx", "")]),
    # ---- counts
    ("count-plain", "The company has 5,000 workers.",
     [("count", "5,000 workers", "5000", "", "exact", "workers")]),
    ("count-words", "It opened twenty-five branches and a dozen warehouses.",
     [("count", "twenty-five branches", "25", "", "exact", "branches"),
      ("count", "a dozen warehouses", "12", "", "exact", "warehouses")]),
    ("count-half-million", "Half a million people visited the fair.",
     [("count", "Half a million people", "500000", "", "exact", "people")]),
    ("count-million-m", "A total of 1.2m people live there.",
     [("count", "1.2m people", "1200000", "", "exact", "people")]),
    ("count-compound-noun", "About 400 village cooperatives signed up.",
     [("count", "About 400 village cooperatives", "400", "", "approx", "village cooperatives")]),
    ("count-hyphen-adjective", "It trained 3,000 rural e-commerce workers.",
     [("count", "3,000 rural e-commerce workers", "3000", "", "exact", "rural e-commerce workers")]),
    ("count-fewer-than", "Fewer than 100 households remain in poverty.",
     [("count", "Fewer than 100 households", "100", "", "under", "households")]),
    ("count-at-least", "At least 12 villages were flooded.",
     [("count", "At least 12 villages", "12", "", "at_least", "villages")]),
    ("count-irregular-plural", "The farm keeps 300 sheep and 40 cattle.",
     [("count", "300 sheep", "300", "", "exact", "sheep"),
      ("count", "40 cattle", "40", "", "exact", "cattle")]),
    ("count-continued", "It runs 80 stores, including 30 in Beijing.",
     [("count", "80 stores", "80", "", "exact", "stores"),
      ("count", "30", "30", "", "exact", "stores")]),
    # ---- other physical quantities
    ("length-km", "The new road is 300 km long.",
     [("length", "300 km", "300000", "m", "exact", "new road")]),
    ("volume-liters", "Each household receives 40 liters of water.",
     [("volume", "40 liters", "40", "L", "exact", "")]),
    ("volume-cubic-meters", "The reservoir holds 2 million cubic meters.",
     [("volume", "2 million cubic meters", "2000000000", "L", "exact", "")]),
    ("yield-per-mu", "Yields reached 600 kg per mu.",
     [("yield", "600 kg per mu", "9000", "kg/ha", "exact", "Yields")]),
    ("duration-hours", "The sale lasted 48 hours.",
     [("duration", "48 hours", "2", "day", "exact", "")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence(text, expected):
    assert rows(text) == expected
