"""What a sum or a measure is of, where the sentence says it plainly just before the figure.

"revenue of more than 1.9 million yuan" -> "revenue". Counts name their noun
after the number (counts.py); money and measures name it before, with "of".
"""

from __future__ import annotations

from .lexicon import Lexicons
from .tokenview import TokenView

#: How many words before "of" an item may have: "the per capita disposable income of".
ITEM_WORDS = 4


def item_before(view: TokenView, start: int, lex: Lexicons) -> str:
    """The noun phrase before "of" that ends just before the figure at ``start``, or "".

    It stops at a stop word, a verb in -ed ("generated revenue of": not part of what is
    measured), a number (the noun is another figure's) and capitals (a name).
    """
    words = view.words
    if start < 2 or words[start - 1].lower() != "of":
        return ""
    j = start - 1
    while j > 0 and start - 1 - j < ITEM_WORDS:
        word = words[j - 1]
        if not word.isalpha() or word.isupper() and len(word) > 1:
            break
        low = word.lower()
        if low in lex.stopwords and not (low == "per" and words[j].lower() == "capita"):
            break
        if low.endswith("ed"):
            break
        j -= 1
    while j < start - 1 and j > 0 and words[j - 1] == "-" and not view.spaces[j - 1]:
        j += 1  # "a year-on-year increase of": the item starts after the compound, not in it
    if j == start - 1 or (j > 0 and view.like_num(j - 1)):
        return ""  # "50,000 orders of 125,000 kg": the noun is another figure's
    if words[start - 2].lower() in lex.not_items:
        return ""  # "a record high of ...", "a total of ..."
    return view.text(j, start - 1)


#: Tokens that end a clause: a subject does not reach back over one of them.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "--", "—", "–", '"', "“", "”"})
#: How many words may stand between a clause's start and the verb before its figure.
SUBJECT_WORDS = 10
#: What ends a dateline, after which a sentence's first word stands: "(Xinhua) -- Cotton output".
DATELINE_ENDS = frozenset({"--", "—", "–", "-"})
#: The possessive after a name: "China 's total grain output".
POSSESSIVE = frozenset({"'s", "’s"})


def item_of_subject(view: TokenView, start: int, lex: Lexicons) -> str:
    """'Revenue reached 5 billion yuan' -> 'Revenue': the subject of a clause whose verb ties it
    to the figure at ``start`` (a verb of count_links.txt, or a verb qualifier that opens the
    figure: "Sales exceeded 5 billion yuan"), or "".

    A subject that names who or where (data/not_subject_items.txt: "The company reached 3
    billion yuan in sales") or a name in mid-sentence ("the Ministry of Agriculture was") gives
    nothing. The subject starts the clause (after a break, an opener: "data showed the wage income
    was", "with monthly sales volume exceeding", or a conjunction before a determiner: "and
    its revenue hit"). Determiners and
    a possessive name are left out; the words that follow, up to a preposition or the verb,
    are its head ("Export turnover at the fair reached" -> "Export turnover"), and a head
    followed by "of" and more words keeps them ("The value of fruits exported reached" ->
    "value of fruits exported"). Anything else (a number, a relative clause, a date first)
    gives nothing: no guessing.
    """
    words = view.words
    if start < view.n and words[start].lower() in lex.words("verb_qualifier"):
        end = start
    else:
        link = lex.count_links.match_ending_at(words, start)
        if link is None:
            return ""
        end = link[1]
    first = _clause_start(view, start, end, lex)
    if first is None or not all(w.isalpha() or w in POSSESSIVE or w == "-" for w in words[first:end]):
        return ""  # a number or a sign in the way: not a plain subject
    determiners = lex.words("determiner")
    j = first
    while j < end:
        if words[j].lower() in determiners:
            j += 1
        elif j + 1 < end and words[j + 1] in POSSESSIVE:
            j += 2  # "China 's total grain output"
        else:
            break
    if first > 0 and words[first - 1].lower() in lex.words("subject_break") and j == first:
        return ""  # "it sold goods and revenue was": no determiner, no sure clause start
    k = j
    while k < end and _subject_word(words, k, lex):
        k += 1
    if k == j or k - j > ITEM_WORDS + 2 or not _names_what(words, j, k, view.sent_start(start), lex):
        return ""  # "The company reached 3 billion yuan in sales": who, not what is measured
    if k < end and words[k].lower() not in lex.words("subject_preposition"):
        return ""  # "Last year the average income ...": the words first are no head
    if k + 1 < end and words[k].lower() == "of" and _subject_word(words, k + 1, lex):
        m = k + 1
        while m < end and _subject_word(words, m, lex):
            m += 1
        k = m  # "the value of fruits exported"
    return view.text(j, k)


def _clause_start(view: TokenView, start: int, end: int, lex: Lexicons) -> int | None:
    """The first token of the clause whose verb ends at ``end``, within ``SUBJECT_WORDS``; None
    when it lies further back or the words before the verb are a relative clause ("the season
    that started last July reached")."""
    words = view.words
    floor = max(view.sent_start(start), end - SUBJECT_WORDS)
    breaks, openers = lex.words("subject_break"), lex.words("subject_opener")
    relative = lex.words("relative_pronoun")
    first = end
    while first > floor and words[first - 1] not in CLAUSE_BREAKS:
        low = words[first - 1].lower()
        if low in relative:
            if first > 1 and words[first - 2].lower() in openers:
                break  # "data showed that sales hit": the reported clause
            return None
        if low in breaks or low in openers:
            break
        first -= 1
    if first == floor and first > view.sent_start(start) and words[first - 1] not in CLAUSE_BREAKS:
        return None  # the clause began further back than a subject reaches
    return first


def _names_what(words: list[str], j: int, k: int, sent_start: int, lex: Lexicons) -> bool:
    """Whether the subject words ``j:k`` can say what a figure measures: their head (before a
    final "per hectare") is no word of who or where, and no word but the sentence's first is a
    capitalised name (acronyms like "GDP" and "EU" are fine)."""
    head = k - 1
    if k - j > 2 and words[k - 2].lower() in lex.words("per"):
        head = k - 3  # "Grain yield per hectare": the yield ("per capita income": the income)
    if words[head].lower() in lex.not_subject_items or words[head].lower() in lex.not_items:
        return False
    opens = j == sent_start or words[j - 1] in DATELINE_ENDS  # "URUMQI, Dec. 15 (Xinhua) -- Cotton output"
    return not any(w[:1].isupper() and not w.isupper() and not (m == j and opens)
                   for m, w in ((m, words[m]) for m in range(j, k)))


def _subject_word(words: list[str], k: int, lex: Lexicons) -> bool:
    """Whether the word at ``k`` goes on a subject: a word that is no stop word ("per" before a
    word is one: "per capita income", "the per-mu yield"), or a hyphen inside a compound
    ("e-commerce")."""
    word = words[k]
    if word == "-":
        return 0 < k < len(words) - 1 and words[k - 1].isalpha() and words[k + 1].isalpha()
    low = word.lower()
    return word.isalpha() and (low not in lex.stopwords or low in lex.words("per") and k + 1 < len(words)
                               and (words[k + 1].isalpha() or words[k + 1] == "-"))
