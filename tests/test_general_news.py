"""Wording of general and world news that the China-focused seeds never show, with the exact facts.

Each row: (case id, sentence, [(kind, text, value, unit, qualifier, item), ...]).
Offsets are asserted for every fact by ``conftest.rows``.
"""

from __future__ import annotations

import pytest

from conftest import rows

CASES = [
    # ---- currencies of the countries Xinhua and wire services report from
    ("naira", "The state spent 20 million naira on seeds.",
     [("money", "20 million naira", "20000000", "NGN", "exact", "")]),
    ("kenyan-shillings", "A bag sells for 5,000 Kenyan shillings.",
     [("money", "5,000 Kenyan shillings", "5000", "KES", "exact", "")]),
    ("ksh-glued", "Farmers were paid KSh5,000 each.",
     [("money", "KSh5,000", "5000", "KES", "exact", "")]),
    ("birr", "Farmers earned 12,000 birr a season.",
     [("money", "12,000 birr", "12000", "ETB", "exact", "")]),
    ("cedis", "Cocoa farmers got 800 cedis per bag.",
     [("money", "800 cedis", "800", "GHS", "exact", "")]),
    ("pakistani-rupees", "Wheat sold at 4,000 Pakistani rupees per 40 kg.",
     [("money", "4,000 Pakistani rupees per 40 kg", "100", "PKR/kg", "exact", "")]),
    ("price-per-hundredweight", "Cattle prices fell $8.10 per 100 pounds.",
     [("money", "$8.10 per 100 pounds", "0.1785744324", "USD/kg", "exact", "")]),
    ("dong", "The farm earned 2 billion dong last year.",
     [("money", "2 billion dong", "2000000000", "VND", "exact", "")]),
    ("bare-shillings-not-counted", "The fee is 300 shillings.", []),
    # ---- the Financial Times' glued forms
    ("rmb-glued-title-case", "Sales hit Rmb3bn.",
     [("money", "Rmb3bn", "3000000000", "CNY", "exact", "Sales")]),
    ("pc-glued", "Shares rose 4.3pc on Monday.",
     [("percent", "4.3pc", "4.3", "%", "exact", "")]),
    ("glued-m-before-unit", "Output hit 2.3m tonnes.",
     [("mass", "2.3m tonnes", "2300000000", "kg", "exact", "Output")]),
    # ---- trade units and number styles
    ("price-per-quintal", "Prices have risen to Rs 820 per quintal.",
     [("money", "Rs 820 per quintal", "8.2", "INR/kg", "exact", "")]),
    ("price-per-barrel", "Brent rose to $96 per barrel.",
     [("money", "$96 per barrel", "0.603821834", "USD/L", "exact", "Brent")]),
    ("barrels-are-volume", "Output was 500,000 barrels a day.",
     [("volume", "500,000 barrels", "79493647.464", "L", "exact", "Output")]),
    ("bushel-is-no-unit", "Corn settled at $5.28 a bushel.",
     [("money", "$5.28", "5.28", "USD", "exact", "")]),
    ("bln-scale", "Retail sales hit 2.3 bln yuan.",
     [("money", "2.3 bln yuan", "2300000000", "CNY", "exact", "Retail sales")]),
    ("indian-lakh-grouping", "Production was 7,82,685 MT.",
     [("mass", "7,82,685 MT", "782685000", "kg", "exact", "Production")]),
    ("year-before-levels-is-no-count", "Output stayed below 2024 levels.", []),
    ("quoted-counted-noun", "China is home to 4,310 \u201cTaobao villages\u201d.",
     [("count", "4,310 \u201cTaobao villages\u201d", "4310", "", "exact", "Taobao villages")]),
    # ---- ranges that write the unit twice, and a scale word that covers only the upper end
    ("percent-range-between", "Inflation will be between 1.8% and 3.5%.",
     [("percent", "between 1.8% and 3.5%", "1.8", "%", "range", "")]),
    ("percent-range-repeated-word", "The share was 29.3 percent to 30.3 percent.",
     [("percent", "29.3 percent to 30.3 percent", "29.3", "%", "range", "share")]),
    ("unit-repeated-in-a-change-is-two-figures", "Output rose from 5 tonnes to 8 tonnes.",
     [("mass", "5 tonnes", "5000", "kg", "exact", ""), ("mass", "8 tonnes", "8000", "kg", "exact", "")]),
    ("scale-only-on-the-upper-end", "Output is in a range of 500,000 to 1 million barrels.",
     [("volume", "500,000 to 1 million barrels", "79493647.464", "L", "range", "")]),
    ("count-named-before-of", "The districts have a total population of over 250 million.",
     [("count", "over 250 million", "250000000", "", "over", "total population")]),
    ("price-per-half-kilo", "Pork cost 30 yuan per 0.5 kg.",
     [("money", "30 yuan per 0.5 kg", "60", "CNY/kg", "exact", "")]),
    ("what-a-price-is-per-is-no-figure", "Tomatoes were 3 yuan ($0.45) per 500 grams.",
     [("money", "3 yuan", "6", "CNY/kg", "exact", "Tomatoes"),
      ("money", "$0.45", "0.9", "USD/kg", "exact", "")]),
    ("what-a-count-is-per-is-no-count", "There are 5 doctors per 1,000 people.",
     [("count", "5 doctors", "5", "", "exact", "doctors")]),
    ("lower-than-is-under", "Prices were lower than 5 yuan.",
     [("money", "lower than 5 yuan", "5", "CNY", "under", "Prices")]),
    ("overseas-is-no-plural", "192 thousand overseas buyers came.",
     [("count", "192 thousand overseas buyers", "192000", "", "exact", "overseas buyers")]),
    ("yen-sign-on-a-page-about-japan", "The rice price averaged ¥4,223 per 5 kilograms in Japan.",
     [("money", "¥4,223 per 5 kilograms", "844.6", "JPY/kg", "exact", "")]),
    ("quoted-adjective-in-a-counted-noun", 'It has 120 "poverty-stricken" households.',
     [("count", '120 "poverty-stricken" households', "120", "", "exact", '"poverty-stricken" households')]),
    ("a-sum-and-a-price-without-respectively", "Each household got 1,000 yuan and 5 yuan per kg of grain.",
     [("money", "1,000 yuan", "1000", "CNY", "exact", ""),
      ("money", "5 yuan per kg", "5", "CNY/kg", "exact", "")]),
    ("prices-in-a-list-share-the-rate", "Cabbages and tomatoes sold for 3 yuan and 5 yuan per 500 grams "
     "respectively.", [("money", "3 yuan", "6", "CNY/kg", "exact", ""),
                       ("money", "5 yuan per 500 grams", "10", "CNY/kg", "exact", "")]),
    ("a-sum-and-a-price-in-a-list", "The firm paid 3 million yuan and 5 yuan per kg.",
     [("money", "3 million yuan", "3000000", "CNY", "exact", ""),
      ("money", "5 yuan per kg", "5", "CNY/kg", "exact", "")]),
    ("count-subject-before-a-preposition", "Online stores in rural areas were 9.8 million.",
     [("count", "Online stores in rural areas were 9.8 million", "9800000", "", "exact", "Online stores")]),
    ("plural-before-a-singular-verb-is-no-subject", "The population in the rural areas was 16.6 million.",
     [("count", "population in the rural areas was 16.6 million", "16600000", "", "exact", "population")]),
    ("price-per-hyphenated-area", "Farmers got 200,000 won per 1,000-square-meter paddy.",
     [("money", "200,000 won per 1,000-square-meter", "2000000", "KRW/ha", "exact", "")]),
    ("hyphenated-area-before-a-noun", "It built a 1,500-square-meter pavilion.",
     [("area", "1,500-square-meter", "0.15", "ha", "exact", "")]),
    ("second-count-of-one-noun-does-not-overlap", "The number of Taobao villages nationwide exceeded 7,000 "
     "and reached 7,023 in 2021.", [("count", "Taobao villages nationwide exceeded 7,000", "7000", "", "over",
                                     "Taobao villages"),
                                    ("count", "7,023", "7023", "", "exact", "Taobao villages"),
                                    ("date", "2021", "", "", "exact", "")]),
    # ---- page furniture
    ("share-counter-alone", "8.03K", []),
    ("share-counter-labelled", "Shares 1.2K", []),
    ("bare-scaled-count-in-a-sentence", "China has 1.4 billion.",
     [("count", "1.4 billion", "1400000000", "", "exact", "")]),
    # ---- times before another and verbs of motion
    ("years-earlier-is-no-duration", "It rose faster than two years earlier.", []),
    ("years-later-is-no-count", "Two years later, sales doubled.", []),
    ("later-after-a-noun-still-counts", "300 farmers later joined.",
     [("count", "300 farmers", "300", "", "exact", "farmers")]),
    ("gone-up-to-is-the-verb", "Prices have gone up to 50 yuan.",
     [("money", "50 yuan", "50", "CNY", "exact", "")]),
    ("up-to-after-a-noun-bounds", "Fees of up to 50 yuan apply.",
     [("money", "up to 50 yuan", "50", "CNY", "at_most", "Fees")]),
    # ---- verbs of passing a mark are "over"; "top" is a rank only without a unit
    ("topped-is-over", "Sales topped 5 billion yuan.",
     [("money", "topped 5 billion yuan", "5000000000", "CNY", "over", "Sales")]),
    ("tops-is-over", "China's grain output tops 650 million tonnes.",
     [("mass", "tops 650 million tonnes", "650000000000", "kg", "over", "grain output")]),
    ("will-top-a-measure", "The harvest will top 700 million tonnes.",
     [("mass", "top 700 million tonnes", "700000000000", "kg", "over", "")]),
    ("exceed-infinitive", "Sales are expected to exceed 5 billion yuan.",
     [("money", "exceed 5 billion yuan", "5000000000", "CNY", "over", "")]),
    ("will-exceed-count-noun-first", "The number of Taobao villages will exceed 20,000.",
     [("count", "Taobao villages will exceed 20,000", "20000", "", "over", "Taobao villages")]),
    ("top-ten-is-a-rank", "The top 10 firms sold 5 tonnes.",
     [("mass", "5 tonnes", "5000", "kg", "exact", "")]),
    # ---- US business press: capital scale letters glued to the number
    ("capital-m-million", "Revenue was $883M, up from $1.29B.",
     [("money", "$883M", "883000000", "USD", "exact", "Revenue"),
      ("money", "$1.29B", "1290000000", "USD", "exact", "")]),
    ("capital-m-before-stop", "Sales hit $883M.",
     [("money", "$883M", "883000000", "USD", "exact", "Sales")]),
    ("capital-b-after-a-code", "Sales hit RMB1.2B.",
     [("money", "RMB1.2B", "1200000000", "CNY", "exact", "Sales")]),
    ("capital-letter-without-a-sign-is-a-name", "The app has 1.2M users.", []),
    ("capital-letter-after-a-spaced-sign", "Each farmer received Rs 50K under the scheme.",
     [("money", "Rs 50K", "50000", "INR", "exact", "")]),
    ("capital-letter-before-a-currency-word", "It cost 50K rupees.",
     [("money", "50K rupees", "50000", "INR", "exact", "")]),
    ("slogan-numbers-are-no-counts", 'The poor are guaranteed "two assurances and three guarantees".', []),
    ("quoted-speech-with-the-comma-outside", '"Three villages have already signed up", he said.',
     [("count", "Three villages", "3", "", "exact", "villages")]),
    ("approached-is-no-qualifier", "The company approached 20 banks for loans.",
     [("count", "20 banks", "20", "", "exact", "banks")]),
    ("quoted-speech-counts", '"Two farms joined," he said.',
     [("count", "Two farms", "2", "", "exact", "farms")]),
    ("neared-is-approx", "Sales neared 5 billion yuan.",
     [("money", "neared 5 billion yuan", "5000000000", "CNY", "approx", "Sales")]),
    ("model-code-is-no-million", "The Boeing 737-8M flew.", []),
    ("rocket-name-is-no-date", "China launched the Long March 5B rocket.", []),
    ("named-dollars-decide-over-the-sign", "The deal is worth $12 million Australian dollars.",
     [("money", "$12 million Australian dollars", "12000000", "AUD", "exact", "")]),
    ("between-range-after-a-change", "Yields rose by between 5% and 8%.",
     [("percent", "between 5% and 8%", "5", "%", "range", "Yields")]),
    ("top-percent-is-a-rank", "The top 20 percent of farmers earn more.", []),
    ("top-a-scaled-count", "China's online shoppers top 900 million.",
     [("count", "online shoppers top 900 million", "900000000", "", "over", "online shoppers")]),
    ("exceed-a-year-is-no-count", "Sales this year will exceed 2020 sales.", []),
    ("australian-dollars-sign", "It offered a A$320 million ($289 million) package.",
     [("money", "A$320 million", "320000000", "AUD", "exact", ""),
      ("money", "$289 million", "289000000", "USD", "exact", "")]),
    ("yen-sign-on-a-page-about-yen", "Toyota earned ¥1.2 trillion as the weaker yen lifted exports.",
     [("money", "¥1.2 trillion", "1200000000000", "JPY", "exact", "")]),
    ("yen-sign-where-yuan-is-named-too", "Sales hit ¥5 billion, or 5 billion yuan, as the yen fell.",
     [("money", "¥5 billion", "5000000000", "CNY", "exact", "Sales"),
      ("money", "5 billion yuan", "5000000000", "CNY", "exact", "")]),
    ("yuan-sign-by-default", "Sales hit ¥5 billion.",
     [("money", "¥5 billion", "5000000000", "CNY", "exact", "Sales")]),
    ("sign-decides-over-dollars", "Farmers can get A$12 million dollars in loans.",
     [("money", "A$12 million dollars", "12000000", "AUD", "exact", "loans")]),
    ("singapore-dollars-sign", "Exports reached S$181.5 million.",
     [("money", "S$181.5 million", "181500000", "SGD", "exact", "Exports")]),
    ("brazilian-real-sign", "Petrobras earned R$5 billion.",
     [("money", "R$5 billion", "5000000000", "BRL", "exact", "")]),
    ("glued-m-is-metres", "The wall is 3m high.",
     [("length", "3m", "3", "m", "exact", "wall")]),
    # ---- pounds: sterling, unless the sentence weighs something
    ("pounds-sterling", "Britain pledged 2 million pounds of aid.",
     [("money", "2 million pounds", "2000000", "GBP", "exact", "")]),
    ("pounds-of-beef", "Farmers sold 2 million pounds of beef.",
     [("mass", "2 million pounds", "907184.74", "kg", "exact", "")]),
    ("weighs-pounds", "The pumpkin weighs 500 pounds.",
     [("mass", "500 pounds", "226.796185", "kg", "exact", "")]),
    ("pounds-restating-a-mass", "They sold 300 kg (about 660 pounds) of beef.",
     [("mass", "300 kg", "300", "kg", "exact", ""),
      ("mass", "about 660 pounds", "299.370964", "kg", "approx", "")]),
    ("pounds-restating-a-mass-after-or", "Output was 300 kg, or 660 pounds.",
     [("mass", "300 kg", "300", "kg", "exact", "Output"),
      ("mass", "660 pounds", "299.370964", "kg", "exact", "")]),
    ("price-per-pound", "Pork sells for 5 dollars per pound.",
     [("money", "5 dollars per pound", "11.023113", "USD/kg", "exact", "")]),
    # ---- a change whose unit is written once, after its second number
    ("change-shares-rate-unit", "Yields grew from 2,100 to 2,400 kilograms per hectare.",
     [("yield", "2,100", "2100", "kg/ha", "exact", ""),
      ("yield", "2,400 kilograms per hectare", "2400", "kg/ha", "exact", "")]),
    ("range-repeating-currency", "Prices ranged from 8 yuan to 12 yuan per kg.",
     [("money", "from 8 yuan to 12 yuan per kg", "8", "CNY/kg", "range", "")]),
    ("range-restated-in-cents", "Pears cost 1.60 yuan to 2.40 yuan (25 US cents to 38 cents) per kilogram.",
     [("money", "1.60 yuan to 2.40 yuan", "1.6", "CNY/kg", "range", ""),
      ("money", "25 US cents to 38 cents", "0.25", "USD/kg", "range", "")]),
    ("change-repeating-currency", "Prices rose from 8 yuan to 12 yuan per kg.",
     [("money", "8 yuan", "8", "CNY/kg", "exact", ""),
      ("money", "12 yuan per kg", "12", "CNY/kg", "exact", "")]),
    ("different-currencies-no-range", "Fees of 100 yuan to 200 dollars apply.",
     [("money", "100 yuan", "100", "CNY", "exact", "Fees"),
      ("money", "200 dollars", "200", "USD", "exact", "")]),
    ("change-shares-price-per-signs", "Prices rose from $2 to $3 a pound.",
     [("money", "$2", "4.409245", "USD/kg", "exact", ""),
      ("money", "$3 a pound", "6.613868", "USD/kg", "exact", "")]),
    ("change-without-rate", "Prices rose from 8 yuan to 12 yuan.",
     [("money", "8 yuan", "8", "CNY", "exact", ""),
      ("money", "12 yuan", "12", "CNY", "exact", "")]),
    # ---- units of markets and energy news
    ("basis-points", "The bank cut its rate by 25 basis points.",
     [("percent", "25 basis points", "0.25", "pp", "exact", "")]),
    ("bps", "The spread widened 30 bps.",
     [("percent", "30 bps", "0.3", "pp", "exact", "")]),
    # ---- a yield's area named before the figure, as Chinese farm news writes it
    ("per-mu-yield-before", "The per mu yield reached 500 kg.",
     [("yield", "500 kg", "7500", "kg/ha", "exact", "per mu yield")]),
    ("per-mu-hyphen-yield-before", "The per-mu yield of rice hit 1,000 kg.",
     [("yield", "1,000 kg", "15000", "kg/ha", "exact", "per-mu yield of rice")]),
    ("yield-per-hectare-before", "Grain yield per hectare was 6 tonnes.",
     [("yield", "6 tonnes", "6000", "kg/ha", "exact", "Grain yield per hectare")]),
    ("per-mu-of-another-figure", "Farmers earn 2,000 yuan per mu and harvest 500 kg.",
     [("money", "2,000 yuan per mu", "30000", "CNY/ha", "exact", ""),
      ("mass", "500 kg", "500", "kg", "exact", "")]),
    ("per-mu-without-yield-word", "Each per mu subsidy buys 50 kg of seed.",
     [("mass", "50 kg", "50", "kg", "exact", "")]),
    ("noun-first-exceeded", "Internet users exceeded 300 million.",
     [("count", "Internet users exceeded 300 million", "300000000", "", "over", "Internet users")]),
    ("collective-noun-before-verb", "The sow herd stood at 40.73 million.",
     [("count", "sow herd stood at 40.73 million", "40730000", "", "exact", "sow herd")]),
    ("year-like-count-in-a-list", "The garden offers about 300 regular jobs and 2000 temporary jobs.",
     [("count", "about 300 regular jobs", "300", "", "approx", "regular jobs"),
      ("count", "2000 temporary jobs", "2000", "", "exact", "temporary jobs")]),
    ("year-before-a-noun-is-a-year", "Beijing hosted the 2008 Olympics.", []),
    ("head-of-cattle", "The herd grew to 5.98 million head.",
     [("count", "5.98 million head", "5980000", "", "exact", "head")]),
    # ---- a count whose noun comes first, tied by a change
    ("number-of-fell-by", "The number of poor people fell by 98.99 million.",
     [("count", "poor people fell by 98.99 million", "98990000", "", "exact", "poor people")]),
    # ---- trade-report units and spelled numbers
    ("million-metric-tons", "Production hit 25.402 MMT this year.",
     [("mass", "25.402 MMT", "25402000000", "kg", "exact", "Production")]),
    ("metric-tons-mt", "Exports reached 53,000 MT.",
     [("mass", "53,000 MT", "53000000", "kg", "exact", "Exports")]),
    ("kilogrammes", "Output was 44.27 billion kilogrammes.",
     [("mass", "44.27 billion kilogrammes", "44270000000", "kg", "exact", "Output")]),
    ("hyphenated-scale-word", "Over five-thousand farmers joined.",
     [("count", "Over five-thousand farmers", "5000", "", "over", "farmers")]),
    ("hyphenated-hundred", "It stored two-hundred kilograms.",
     [("mass", "two-hundred kilograms", "200", "kg", "exact", "")]),
    # ---- a list that leaves its verb out: a name, then a measured figure
    ("list-without-verb", "Poland exported 734,000 tonnes, Bulgaria 685,000 tonnes.",
     [("mass", "734,000 tonnes", "734000000", "kg", "exact", ""),
      ("mass", "685,000 tonnes", "685000000", "kg", "exact", "")]),
    ("model-number-still-a-name", "The Boeing 737 jets landed.", []),
    # ---- "from X to Y": a range, unless a word of change comes before it
    ("from-to-range", "Workers earn from 100 to 300 yuan a day.",
     [("money", "from 100 to 300 yuan", "100", "CNY", "range", "")]),
    ("ranging-from-to", "Peaks ranging from 600 to 1,000 meters rise.",
     [("length", "from 600 to 1,000 meters", "600", "m", "range", "")]),
    ("from-to-count-range", "From 2,000 to 3,000 farmers joined each year.",
     [("count", "From 2,000 to 3,000 farmers", "2000", "", "range", "farmers")]),
    ("rose-from-to-is-a-change", "Prices rose sharply from 100 to 300 yuan.",
     [("money", "100", "100", "CNY", "exact", ""), ("money", "300 yuan", "300", "CNY", "exact", "")]),
    # ---- signed changes, as statistics releases print them
    ("signed-percents", "Prices were -2.0% from July but +4.1% from a year earlier.",
     [("percent", "-2.0%", "-2", "%", "exact", "Prices"), ("percent", "+4.1%", "4.1", "%", "exact", "")]),
    ("signed-in-brackets", "It fell (-3.5%) in May.",
     [("percent", "-3.5%", "-3.5", "%", "exact", "")]),
    ("signed-money", "Profit was -$5 million.",
     [("money", "-$5 million", "-5000000", "USD", "exact", "Profit")]),
    ("hyphen-in-a-name-is-no-sign", "COVID-19 cases rose to 12.",
     [("count", "cases rose to 12", "12", "", "exact", "cases")]),
    # ---- time words that measure no duration, and ages
    ("consecutive-years", "Output rose for nine consecutive years.",
     [("duration", "nine consecutive years", "3287.25", "day", "exact", "")]),
    ("straight-months", "Prices fell for three straight months.",
     [("duration", "three straight months", "91.3125", "day", "exact", "")]),
    ("n-year-high", "Exports hit a four-year high of 31.8 million tonnes.",
     [("mass", "31.8 million tonnes", "31800000000", "kg", "exact", "")]),
    ("a-year-earlier-adjective", "Stocks were 31% below a year-earlier 2.62 million tonnes.",
     [("percent", "31%", "31", "%", "exact", "Stocks"),
      ("mass", "2.62 million tonnes", "2620000000", "kg", "exact", "")]),
    ("years-old", "When she was 8 years old, she moved.", []),
    ("aged", "The farmer, aged 56, grows tea.", []),
    # ---- an item written as a compound
    ("item-after-compound", "Sales saw a year-on-year increase of 16.3%.",
     [("percent", "16.3%", "16.3", "%", "exact", "increase")]),
    ("compared-bare-number-takes-the-scale", "Output hit 5 million tonnes, up from 4.8.",
     [("mass", "5 million tonnes", "5000000000", "kg", "exact", "Output"),
      ("mass", "4.8", "4800000000", "kg", "exact", "")]),
    ("change-without-from", "Prices rose 2 yuan to 12 yuan per kg.",
     [("money", "2 yuan", "2", "CNY", "exact", ""),
      ("money", "12 yuan per kg", "12", "CNY/kg", "exact", "")]),
    ("qualifier-before-sign", "Prices were about -2% lower.",
     [("percent", "about -2%", "-2", "%", "approx", "Prices")]),
    ("negative-range", "Prices were -5 to -3 percent.",
     [("percent", "-5 to -3 percent", "-5", "%", "range", "Prices")]),
    ("no-negative-count", "Prices were -5 on the day.", []),
    # ---- a bare number compared with the figure before it takes its unit
    ("compared-with-bare", "Exports rose 11% to 26.49 million tonnes, compared with 23.87 million.",
     [("percent", "11%", "11", "%", "exact", ""),
      ("mass", "26.49 million tonnes", "26490000000", "kg", "exact", ""),
      ("mass", "23.87 million", "23870000000", "kg", "exact", "")]),
    ("up-from-bare", "Sales hit 30 trillion yuan, up from 21.8 trillion.",
     [("money", "30 trillion yuan", "30000000000000", "CNY", "exact", "Sales"),
      ("money", "21.8 trillion", "21800000000000", "CNY", "exact", "")]),
    ("base-of-a-percent-change", "Exports totalled 5.45 million tonnes, down 19% from 6.72 million.",
     [("mass", "5.45 million tonnes", "5450000000", "kg", "exact", "Exports"),
      ("percent", "19%", "19", "%", "exact", ""),
      ("mass", "6.72 million", "6720000000", "kg", "exact", "")]),
    ("rate-compared", "Pears sold for 5 yuan per jin, against 4 last year.",
     [("money", "5 yuan per jin", "10", "CNY/kg", "exact", ""),
      ("money", "4", "8", "CNY/kg", "exact", "")]),
    ("compared-count-keeps-its-noun", "Output was 500 tonnes, up from 2,000 farms.",
     [("mass", "500 tonnes", "500000", "kg", "exact", "Output"),
      ("count", "2,000 farms", "2000", "", "exact", "farms")]),
    ("no-unit-over-another-number", "Income rose to 6,800 yuan, and the ratio dropped to 2.34 from 2.81.",
     [("money", "6,800 yuan", "6800", "CNY", "exact", "Income")]),
    ("no-unit-across-sentences", "It sold 500 tonnes. Exports fell from 4.19 million.",
     [("mass", "500 tonnes", "500000", "kg", "exact", ""),
      ("count", "4.19 million", "4190000", "", "exact", "")]),
    # ---- commodity-report shorthand
    ("million-mt", "Imports totalled 8.48 million mt.",
     [("mass", "8.48 million mt", "8480000000", "kg", "exact", "Imports")]),
    ("mln-t", "Output was 5.4 mln t last year.",
     [("mass", "5.4 mln t", "5400000000", "kg", "exact", "Output")]),
    ("year-ago-in-brackets", "Imports hit 13.4 (13.3) mln t.",
     [("mass", "13.4", "13400000000", "kg", "exact", "Imports"),
      ("mass", "13.3", "13300000000", "kg", "exact", "")]),
    ("year-ago-in-brackets-plain", "Soybean oil imports decreased to 425,000 (564,000) t.",
     [("mass", "425,000", "425000000", "kg", "exact", "Soybean oil imports"),
      ("mass", "564,000", "564000000", "kg", "exact", "")]),
    ("price-slash-mt", "Palm oil fell to $472.50/mt.",
     [("money", "$472.50/mt", "0.4725", "USD/kg", "exact", "Palm oil")]),
    ("kenya-ksh-prefix-range", "Tea sold at KSh182 to KSh191 a kilo.",
     [("money", "KSh182 to KSh191 a kilo", "182", "KES/kg", "range", "")]),
    ("kenya-ksh-restated", "Tea fetched USD 2.53 (KSh 287) per kilogram.",
     [("money", "USD 2.53", "2.53", "USD/kg", "exact", ""),
      ("money", "KSh 287", "287", "KES/kg", "exact", "")]),
    ("uganda-ush", "Ugandan farmers earn USh 5,000.", [("money", "USh 5,000", "5000", "UGX", "exact", "")]),
    ("shared-sh-prefix-not-guessed", "Tea sold at Sh182.", []),
    ("shared-currency-names-not-guessed", "It cost 300 dirhams, or 500 riyals.", []),
    ("t-shirts-are-no-tonnes", "They sold 300 T-shirts.",
     [("count", "300 T-shirts", "300", "", "exact", "T-shirts")]),
    ("surpassed-is-over", "Live hogs surpassed 400 million.",
     [("count", "Live hogs surpassed 400 million", "400000000", "", "over", "Live hogs")]),
    ("counted-phrase-with-or", "It adopted 109 tax reduction or exemption measures.",
     [("count", "109 tax reduction or exemption measures", "109", "", "exact",
       "tax reduction or exemption measures")]),
    ("us-cents", "The price is 25 US cents.", [("money", "25 US cents", "0.25", "USD", "exact", "price")]),
    # ---- qualifiers that negate another
    ("no-fewer-than", "No fewer than 20 counties took part.",
     [("count", "No fewer than 20 counties", "20", "", "at_least", "counties")]),
    ("not-fewer-than", "Not fewer than 20 counties took part.",
     [("count", "Not fewer than 20 counties", "20", "", "at_least", "counties")]),
    # ---- shares are no counts and no durations
    ("one-in-five", "About one in five adults shops online.", []),
    ("three-in-ten", "Nearly 3 in 10 farmers use apps.", []),
    ("out-of-every", "One out of every four households sells online.", []),
    ("a-quarter-of", "About a quarter of the land is farmed.", []),
    ("three-quarters-of", "Three quarters of the farmland is irrigated.", []),
    ("quarters-are-durations", "Sales rose for three quarters.",
     [("duration", "three quarters", "273.9375", "day", "exact", "")]),
    ("in-between-two-counts", "The county has 300 villages in 12 towns.",
     [("count", "300 villages", "300", "", "exact", "villages"),
      ("count", "12 towns", "12", "", "exact", "towns")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence(text, expected):
    assert rows(text) == expected


#: (case id, sentence, [(text, same_as), ...]): ", or" restates a figure only as the same amount.
OR_CASES = [
    ("or-other-currency", "The investment totals 1.5 trillion yuan, or about 230 billion dollars.",
     [("1.5 trillion yuan", None), ("about 230 billion dollars", 1)]),
    ("or-other-unit", "The project covers 3 million mu, or 200,000 hectares.",
     [("3 million mu", None), ("200,000 hectares", 1)]),
    ("or-same-mass", "It sold 300 jin, or 150 kg, of pears.",
     [("300 jin", None), ("150 kg", 1)]),
    ("or-another-sum", "It earned 10,000 yuan, or 2,000 yuan more than last year.",
     [("10,000 yuan", None), ("2,000 yuan", None)]),
    ("or-another-kind", "Sales were 500 tonnes, or 40 percent of the total.",
     [("500 tonnes", None), ("40 percent", None)]),
    ("or-price-and-sum", "It costs 5 yuan per kg, or 200 yuan a pig.",
     [("5 yuan per kg", None), ("200 yuan", None)]),
    ("or-price-in-other-money", "It costs 5 yuan per kg, or 70 cents per kg.",
     [("5 yuan per kg", None), ("70 cents per kg", 1)]),
    ("or-points", "Exports rose 5 percent, or 0.5 percentage points faster.",
     [("5 percent", None), ("0.5 percentage points", None)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in OR_CASES], ids=[c[0] for c in OR_CASES])
def test_restated_after_or(text, expected):
    from agrofacts import extract_text

    assert [(f.text, f.same_as) for f in extract_text(text)] == expected


def test_every_currency_code_is_a_unit_of_the_registry():
    """units.txt defines every currency that currencies.csv and sign_cues.csv name, so one registry
    knows them all."""
    from agrofacts.resources import read_csv
    from agrofacts.signs import sign_cues
    from agrofacts.units import registry

    codes = {r["code"] for r in read_csv("currencies.csv", ("surface", "code", "position", "factor"))}
    codes |= {cue.code for cue in sign_cues()}
    assert len(codes) > 50
    assert all(str(registry()(code).dimensionality) == f"[currency_{code}]" for code in codes)


@pytest.mark.parametrize("text", [
    "Prof. Wang, of Peking Univ., counted 40 farms.",
    "The Agriculture Dept. said 40 farms joined.",
    "Zhejiang Tea Co., Ltd. runs 40 farms.",
])
def test_abbreviations_do_not_end_the_sentence(text):
    from agrofacts import extract_text

    assert [f.sentence for f in extract_text(text)] == [text]


def test_a_year_ago_figure_in_brackets_restates_nothing():
    from agrofacts import extract_text

    assert [f.same_as for f in extract_text("Imports hit 13.4 (13.3) mln t.")] == [None, None]


@pytest.mark.xfail(strict=True, reason="a bracketed aside between a number and its unit hides the unit")
def test_unit_after_a_bracketed_aside():
    assert rows("It sold 300 (about 5%) tonnes.") == [("mass", "300", "300000", "kg", "exact", ""),
                                                     ("percent", "about 5%", "5", "%", "approx", "")]
