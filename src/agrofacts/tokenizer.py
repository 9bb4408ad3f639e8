"""Tokenizer rules from data/tokenizer.json, appended to spaCy's English defaults.

spaCy keeps prefixes, suffixes and infixes as lists of regex strings; so do
we, so that "RMB3.2", "1.6bn", "20mu" and "10-20" split into number and unit
while "2,300" and "284.5" stay whole. Rules only split: offsets are untouched.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .errors import RuleFileError
from .resources import read_json

RULE_KEYS = {"_why", "prefixes", "suffixes", "infixes", "special_cases", "drop_special_cases"}


def customize_tokenizer(nlp: Language) -> None:
    rules = read_json("tokenizer.json")
    unknown = set(rules) - RULE_KEYS
    if unknown:
        raise RuleFileError(f"tokenizer.json: unknown key(s) {sorted(unknown)};"
                            f" allowed: {sorted(RULE_KEYS)}")
    tok = nlp.tokenizer
    defaults = nlp.Defaults
    prefixes = list(rules.get("prefixes", [])) + list(defaults.prefixes or [])
    suffixes = list(rules.get("suffixes", [])) + list(defaults.suffixes or [])
    infixes = list(defaults.infixes or []) + list(rules.get("infixes", []))
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    drop = set(rules.get("drop_special_cases", []))
    if drop:
        tok.rules = {k: v for k, v in tok.rules.items() if k not in drop}
    for key, pieces in rules.get("special_cases", {}).items():
        if "".join(p["ORTH"] for p in pieces) != key:
            raise RuleFileError(f"tokenizer.json: special case {key!r} does not join back to itself")
        tok.add_special_case(key, pieces)
