"""Bad input: a folder mixing good articles with every kind of file that is not one.

The folder is built on the fly (no binary junk in the repository). Each case
names its file, the text the file holds (if any) and what must happen:
used with its facts at true offsets, used with a warning, or skipped with the
reason, one stderr line each, and the exit status 1 while the others' facts
are still written.
"""

from __future__ import annotations

import builtins
import codecs
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import agrofacts.reading as reading
from agrofacts.cli import cli
from agrofacts.reading import Unusable, decode

ARTICLE = "BEIJING, May 5 (Xinhua) -- The county sold more than 300 tonnes of pears.\n"
DEEP = "/".join(f"level{i:02d}" for i in range(40))


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("article.txt", "The county sold 300 tonnes of pears.\n" * 50)
    return buf.getvalue()


#: name -> (bytes on disk, the text a reader sees or None, facts' texts, stderr line or None).
#: A stderr line "{path}" is formatted with the file's path.
USED = {
    "good.txt": (ARTICLE.encode(), ARTICLE, ["more than 300 tonnes"], None),
    "utf8 bom.txt": (codecs.BOM_UTF8 + "The café sold 5 tonnes of pears.\n".encode(),
                     "The café sold 5 tonnes of pears.\n", ["5 tonnes"], None),
    "utf16le.txt": (codecs.BOM_UTF16_LE + "The café – sold 6 tonnes.\n".encode("utf-16-le"),
                    "The café – sold 6 tonnes.\n", ["6 tonnes"], None),
    "utf16be.txt": (codecs.BOM_UTF16_BE + "The café – sold 7 tonnes.\n".encode("utf-16-be"),
                    "The café – sold 7 tonnes.\n", ["7 tonnes"], None),
    "gb18030.txt": ("The county (县城) sold 8 tonnes of pears in 北京.\n".encode("gb18030"),
                    "The county (县城) sold 8 tonnes of pears in 北京.\n", ["8 tonnes"], None),
    "latin1.txt": ("The café sold résumés and 9 tonnes of crème.\n".encode("latin-1"),
                   "The café sold résumés and 9 tonnes of crème.\n", ["9 tonnes"], None),
    "invalid bytes.txt": ("The county – sold 10 tonnes ".encode() + b"\xff\xfe of pears.\n",
                          "The county – sold 10 tonnes \ufffd\ufffd of pears.\n", ["10 tonnes"],
                          "warning: {path}: invalid utf-8 bytes replaced with U+FFFD"),
    "empty.txt": (b"", "", [], "warning: {path}: empty file, no facts"),
    "blank.txt": (b"  \n\t\r\n", "  \n\t\r\n", [], "warning: {path}: only white space, no facts"),
    "spaces and ünïcödé 北京.txt": (ARTICLE.encode(), ARTICLE, ["more than 300 tonnes"], None),
    "crlf.txt": (b"The county sold 11 tonnes of pears.\r\nIt also sold\r\n12 tonnes of apples.\r\n",
                 "The county sold 11 tonnes of pears.\r\nIt also sold\r\n12 tonnes of apples.\r\n",
                 ["11 tonnes", "12 tonnes"], None),
    f"{DEEP}/deep.txt": (b"The county sold 13 tonnes of pears.\n",
                         "The county sold 13 tonnes of pears.\n", ["13 tonnes"], None),
}
SKIPPED = {
    "png.txt": (_png(), "skipped: {path}: binary file (PNG image), not text"),
    "zip.txt": (_zip(), "skipped: {path}: binary file (ZIP archive), not text"),
    "nul.txt": (b"The county sold\x00 14 tonnes.\n", "skipped: {path}: binary file (NUL bytes), not text"),
    "unreadable.txt": (ARTICLE.encode(), "skipped: {path}: permission denied"),
    "huge.txt": (b"The county sold 15 tonnes of pears.\n" * (50 * 1024 * 1024 // 36 + 1),
                 "skipped: {path}: too large (50.0 MiB; the limit is 10.0 MiB)"),
}
LINKS = {
    "loop.txt": "skipped: {path}: symlink loop",
    "dangling.txt": "skipped: {path}: broken symlink",
}
NOT_TXT = {"notes.md": b"The county sold 16 tonnes of pears.\n"}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed") / "in"
    for name, (data, *_rest) in {**USED, **SKIPPED}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, data in NOT_TXT.items():
        (root / name).write_bytes(data)
    (root / "loop.txt").symlink_to("loop_back")
    (root / "loop_back").symlink_to("loop.txt")
    (root / "dangling.txt").symlink_to("nowhere.txt")
    (root / "unreadable.txt").chmod(0)
    with pytest.MonkeyPatch.context() as patch:
        if os.geteuid() == 0:  # root reads mode 000 files: make open() refuse it as it would a user
            real_open = builtins.open

            def refuse(file, *args, **kwargs):
                if Path(file).name == "unreadable.txt":
                    raise PermissionError(13, "Permission denied", str(file))
                return real_open(file, *args, **kwargs)

            patch.setattr(reading, "open", refuse, raising=False)
        yield root
    (root / "unreadable.txt").chmod(0o644)


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture(scope="module")
def mixed_run(mixed):
    result = run("extract", str(mixed), "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return mixed, result, rows


@pytest.mark.parametrize("name", list(USED), ids=[n.rsplit("/", 1)[-1] for n in USED])
def test_used_file_gives_its_facts_at_true_offsets(mixed_run, name):
    root, result, rows = mixed_run
    _data, text, expected, _line = USED[name]
    mine = [r for r in rows if r["doc"] == name]
    assert [r["text"] for r in mine] == expected
    for r in mine:
        assert text[r["start_char"]:r["end_char"]] == r["text"]


@pytest.mark.parametrize("name", [n for n in USED if USED[n][3]])
def test_used_with_a_caveat_is_flagged_once(mixed_run, name):
    root, result, _rows = mixed_run
    line = USED[name][3].format(path=root / name)
    assert result.stderr.splitlines().count(line) == 1


@pytest.mark.parametrize("name", [*SKIPPED, *LINKS])
def test_unusable_file_is_named_with_its_reason(mixed_run, name):
    root, result, rows = mixed_run
    line = (SKIPPED[name][1] if name in SKIPPED else LINKS[name]).format(path=root / name)
    assert result.stderr.splitlines().count(line) == 1
    assert not [r for r in rows if r["doc"] == name]


def test_mixed_folder_exit_1_and_stderr_is_one_line_per_file(mixed_run):
    root, result, rows = mixed_run
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    expected = sorted([USED[n][3].format(path=root / n) for n in USED if USED[n][3]]
                      + [SKIPPED[n][1].format(path=root / n) for n in SKIPPED]
                      + [LINKS[n].format(path=root / n) for n in LINKS])
    assert sorted(result.stderr.splitlines()) == expected
    assert {r["doc"] for r in rows} == {n for n in USED if USED[n][2]}


def test_files_other_than_txt_are_skipped_silently_and_glob_chooses_others(mixed):
    result = run("extract", str(mixed), "--glob", "*.md", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert [(r["doc"], r["text"]) for r in map(json.loads, result.stdout.splitlines())] == [
        ("notes.md", "16 tonnes")]


def test_every_input_used_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"))
    assert (result.exit_code, result.stderr) == (0, "")


def test_missing_input_is_named_and_the_others_still_written(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == f"skipped: {tmp_path / 'nope.txt'}: no such file or folder\n"
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["a.txt"]


def test_folder_symlink_loop_is_named_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to("..")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (f"skipped: {tmp_path / 'sub' / 'up'}: "
                             "symlink loop (links back to a folder above it)\n")
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["sub/a.txt"]


def test_size_limit_is_an_option(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE * 20, encoding="utf-8")
    result = run("extract", str(tmp_path), "--max-size", "0.001")
    assert result.exit_code == 1
    assert result.stderr == (f"skipped: {tmp_path / 'a.txt'}: "
                             "too large (1480 bytes; the limit is 1048 bytes)\n")


def test_usage_error_exits_2():
    result = run("extract", "seeds/", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_stdin_is_decoded_like_a_file():
    result = run("extract", "-", "--format", "jsonl", input=codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    assert result.exit_code == 0
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["more than 300 tonnes"]


def test_library_default_raises_on_an_unusable_file(tmp_path):
    from agrofacts import extract_paths
    from agrofacts.errors import InputError

    (tmp_path / "a.txt").write_bytes(_png())
    with pytest.raises(InputError, match=r"a\.txt: binary file \(PNG image\), not text"):
        list(extract_paths([tmp_path]))


DECODE = [
    ("utf8", "Über 5 tonnes – “fresh”".encode(), "Über 5 tonnes – “fresh”", "utf-8", ""),
    ("utf8-bom", codecs.BOM_UTF8 + b"5 tonnes", "5 tonnes", "utf-8", ""),
    ("utf16-le-bom", codecs.BOM_UTF16_LE + "北京 5".encode("utf-16-le"), "北京 5", "utf-16-le", ""),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + "北京 5".encode("utf-16-be"), "北京 5", "utf-16-be", ""),
    ("utf32-le-bom", codecs.BOM_UTF32_LE + "5 t".encode("utf-32-le"), "5 t", "utf-32-le", ""),
    ("gbk", "县城 sold 5 tonnes".encode("gbk"), "县城 sold 5 tonnes", "gb18030", ""),
    ("gb18030-punctuation", "北京：“5吨”。".encode("gb18030"), "北京：“5吨”。", "gb18030", ""),
    ("latin1-accents-not-chinese", "résumé naïve".encode("latin-1"), "résumé naïve", "cp1252", ""),
    ("cp1252-quotes", "“5” – £".encode("cp1252"), "“5” – £", "cp1252", ""),
    ("latin1-undefined-in-cp1252", b"caf\xe9 \x81", "café \x81", "latin-1", ""),
    ("utf8-damaged", "– 5".encode() + b"\xc3", "– 5\ufffd", "utf-8",
     "invalid utf-8 bytes replaced with U+FFFD"),
    ("utf16-odd-length", codecs.BOM_UTF16_LE + b"5\x00\x00", "5\ufffd", "utf-16-le",
     "invalid utf-16-le bytes replaced with U+FFFD"),
    ("crlf-kept", b"a\r\nb\rc\n", "a\r\nb\rc\n", "utf-8", ""),
]


@pytest.mark.parametrize(("data", "text", "encoding", "warning"), [c[1:] for c in DECODE],
                         ids=[c[0] for c in DECODE])
def test_decode(data, text, encoding, warning):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, encoding, warning)


BINARY = [
    ("png", _png(), "binary file (PNG image), not text"),
    ("zip", _zip(), "binary file (ZIP archive), not text"),
    ("pdf", b"%PDF-1.4\n", "binary file (PDF document), not text"),
    ("gzip", b"\x1f\x8b\x08\x00", "binary file (gzip archive), not text"),
    ("nul", b"abc\x00def", "binary file (NUL bytes), not text"),
    ("utf16-without-bom", "5 tonnes".encode("utf-16-le"), "binary file (NUL bytes), not text"),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in BINARY], ids=[c[0] for c in BINARY])
def test_decode_refuses_binary(data, reason):
    with pytest.raises(Unusable, match=f"^{reason.replace('(', '[(]').replace(')', '[)]')}$"):
        decode(data)


def test_file_name_that_is_not_utf8_gets_an_escaped_doc_name(tmp_path):
    (Path(os.fsdecode(bytes(tmp_path))) / os.fsdecode(b"bad\xff name.txt")).write_bytes(ARTICLE.encode())
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["bad\\xff name.txt"]


def test_file_name_with_a_newline_stays_on_one_stderr_line(tmp_path):
    (tmp_path / "two\nlines.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"skipped: {tmp_path}/two\\x0alines.txt: binary file (PNG image), not text\n"


@pytest.mark.parametrize(("content", "expected_size", "limit", "read"), [
    (b"abcdef", 6, 11, b"abcdef"),            # as measured
    (b"abcdefgh", 6, 11, b"abcdefgh"),        # grew since it was measured: read on
    (b"abcdefghijklmnop", 6, 11, b"abcdefghijk"),  # grew past the limit: the limit, so it is refused
    (b"abc", 6, 11, b"abc"),                  # shrank
    (b"abcdefghijklmnop", 16, 11, b"abcdefghijk"),  # larger than the limit
], ids=["as-measured", "grew", "grew-past-limit", "shrank", "over-limit"])
def test_files_are_read_to_their_size_and_no_further_than_the_limit(content, expected_size, limit, read):
    from agrofacts.reading import read_at_most

    assert read_at_most(io.BytesIO(content), expected_size, limit) == read
