"""readers: every input format, every encoding we accept, and every class of bad input."""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest

from events import errors, readers
from events.article import Article

ID_TEXT = "Kedutaan Besar Amerika Serikat di Bagdad diserang dengan dua rentetan roket pada Jumat pagi."
EN_TEXT = "Gunmen killed three villagers in Borno State on Tuesday, police said."


def _read(path, **kw) -> list:
    return list(readers.read([path], **kw))


def _articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _rejections(items) -> list[str]:
    return [str(i) for i in items if isinstance(i, readers.Rejection)]


def test_readers_plain_text_file_is_one_article_without_id(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"ERA.id - {ID_TEXT}\r\nSerangan itu tidak menimbulkan korban jiwa.\n", encoding="utf-8")
    [a] = _read(p)
    assert a.text == f"ERA.id - {ID_TEXT}\nSerangan itu tidak menimbulkan korban jiwa."
    assert a.id == "a" + a.text_hash[:16] and a.source is None and a.origin == str(p)


def test_readers_jsonl_reads_metadata_and_keeps_ids_as_data(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "../../etc/passwd", "text": EN_TEXT, "title": "Attack", "source": "Reuters",
                    "url": "https://example.org/a", "published": "2024-03-05T10:00:00Z", "language": "en"}),
        "",
        json.dumps({"id": 17, "text": ID_TEXT}),
    ]) + "\n", encoding="utf-8")
    a, b = _read(p)
    assert (a.id, a.title, a.source, a.url, a.published, a.language) == (
        "../../etc/passwd", "Attack", "Reuters", "https://example.org/a", dt.date(2024, 3, 5), "en")
    assert a.origin == f"{p}:1" and b.origin == f"{p}:3" and b.id == "17"


def test_readers_json_array_file(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"id": "x", "text": EN_TEXT}, {"text": ID_TEXT}], indent=2), encoding="utf-8")
    items = _read(p)
    assert [a.id for a in _articles(items)][0] == "x" and len(_articles(items)) == 2


@pytest.mark.parametrize("suffix, sep", [(".csv", ","), (".tsv", "\t")])
def test_readers_csv_and_tsv_with_quoted_newlines(tmp_path, suffix, sep):
    p = tmp_path / f"a{suffix}"
    p.write_text(f'id{sep}text{sep}published{sep}source\n'
                 f'c1{sep}"{EN_TEXT}\nSecond paragraph."{sep}2023-12-08{sep}AP\n'
                 f'c2{sep}"{ID_TEXT}"{sep}{sep}\n', encoding="utf-8")
    a, b = _read(p)
    assert a.id == "c1" and a.text.endswith("Second paragraph.") and a.published == dt.date(2023, 12, 8)
    assert a.source == "AP" and b.source is None and b.published is None
    assert b.origin == f"{p}:4"


def test_readers_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join([EN_TEXT] * 4)
    p.write_text(f"<html><head><title>Three killed</title>"
                 f"<meta property='og:site_name' content='Daily Trust'>"
                 f"<meta name='date' content='2024-02-20'></head><body><nav>Home | World</nav>"
                 f"<article><h1>Three killed</h1><p>{body}</p><p>Police are investigating.</p>"
                 f"</article></body></html>", encoding="utf-8")
    [a] = _read(p)
    assert "Gunmen killed three villagers" in a.text and "Home | World" not in a.text
    assert a.title == "Three killed" and a.source == "Daily Trust" and a.published == dt.date(2024, 2, 20)


def test_readers_folder_recursive_sorted_skips_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text(EN_TEXT)
    (tmp_path / "sub" / "a.txt").write_text(ID_TEXT)
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git" / "c.txt").write_text("x")
    assert readers.expand([tmp_path]) == [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]


@pytest.mark.parametrize("data, fmt, kind", [
    (json.dumps({"id": "s1", "text": EN_TEXT}).encode() + b"\n", "auto", "jsonl"),
    (f"<html><body><article><p>{EN_TEXT} {EN_TEXT} {EN_TEXT}</p></article></body></html>".encode(), "auto", "html"),
    (EN_TEXT.encode(), "auto", "text"),
    (f"id,text\ns1,{EN_TEXT.replace(',', '')}\n".encode(), "csv", "csv"),
])
def test_readers_stdin_sniffs_or_takes_the_format(data, fmt, kind):
    [a] = list(readers.read(["-"], fmt=fmt, stdin=io.BytesIO(data)))
    assert isinstance(a, Article) and "Gunmen killed" in a.text
    assert a.origin.startswith("<stdin>")


@pytest.mark.parametrize("encoded", [
    "utf-8-sig", "utf-16", "utf-16-le-bom", "cp1252"])
def test_readers_decodes_bom_utf16_and_cp1252(tmp_path, encoded):
    text = "Pasukan keamanan menembak mati tersangka — kata polisi, “kami siaga” café"
    data = {"utf-8-sig": text.encode("utf-8-sig"), "utf-16": text.encode("utf-16"),
            "utf-16-le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
            "cp1252": text.encode("cp1252")}[encoded]
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    [a] = _read(p)
    assert a.text == text


def test_readers_jsonl_in_cp1252_and_utf8_bom(tmp_path):
    line = json.dumps({"id": "é1", "text": "Polisi menyebut “serangan” itu terjadi di café."}, ensure_ascii=False)
    for enc in ("cp1252", "utf-8-sig"):
        p = tmp_path / f"{enc}.jsonl"
        p.write_bytes((line + "\n").encode(enc))
        [a] = _read(p)
        assert a.id == "é1" and "“serangan”" in a.text


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", EN_TEXT)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", errors.EMPTY),
    ("blank.txt", b"  \n\t\n", errors.NO_TEXT),
    ("nul.txt", b"abc\x00def\x00", errors.binary("contains NUL bytes")),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), errors.binary("PNG image")),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100), errors.binary("JPEG image")),
    ("archive.jsonl", _zip_bytes(), errors.binary("zip archive")),
    ("garbage.txt", bytes(range(0x80, 0x100)) * 4, errors.undecodable("UTF-8, UTF-16 with BOM, cp1252")),
    ("nobody.html", b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
     errors.HTML_NO_TEXT),
])
def test_readers_rejects_bad_files_with_one_line_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    assert _rejections(_read(p)) == [f"{p}: {reason}"]


def test_readers_rejects_oversized_file_without_reading_it(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 2000)
    reads = []
    real_open = open

    class Spy(io.FileIO):
        def read(self, n=-1):
            reads.append(n)
            return super().read(n)

    monkeypatch.setattr("builtins.open", lambda f, mode="r", *a, **k: Spy(f, "rb") if mode == "rb" else real_open(f, mode, *a, **k))
    assert _rejections(_read(p, max_bytes=1000)) == [f"{p}: {errors.too_large(2000, 1000)}"]
    assert all(0 < n <= 64 * 1024 for n in reads)      # only the head, never the whole file


def test_readers_jsonl_bad_lines_are_rejected_and_the_rest_goes_on(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": EN_TEXT}),
        '{"id": "broken", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "nt"}),
        json.dumps({"id": "n", "text": 5}),
        json.dumps({"id": "d", "text": EN_TEXT, "published": "last Tuesday"}),
        json.dumps({"id": {"x": 1}, "text": EN_TEXT}),
        json.dumps({"id": "big", "text": "y" * 3000}),
        json.dumps({"id": "ok2", "text": ID_TEXT}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(p, max_bytes=2000)
    assert [a.id for a in _articles(items)] == ["ok1", "ok2"]
    size = len(lines[7].encode()) + 1
    assert _rejections(items) == [
        f"{p}:2: broken JSON (Unterminated string starting at column 26)",
        f"{p}:3: expected a JSON object with a 'text' field, got list",
        f"{p}:4: no 'text' field",
        f"{p}:5: text 5 is not a string",
        f"{p}:6: published 'last Tuesday' is not an ISO date (YYYY-MM-DD)",
        f"{p}:7: id {{'x': 1}} is not a string or number",
        f"{p}:8: {errors.too_large(size, 2000)}",
    ]


def test_readers_jsonl_line_over_the_hard_cap_is_skipped_unread(tmp_path):
    p = tmp_path / "huge.jsonl"
    p.write_bytes(b'{"text": "' + b"z" * 50_000 + b'"}\n' + json.dumps({"id": "after", "text": EN_TEXT}).encode() + b"\n")
    items = _read(p, max_bytes=1000)      # hard cap per line is 20x: 20,000 bytes
    assert _rejections(items) == [f"{p}:1: {errors.too_large(50_013, 1000)}"]
    assert [a.id for a in _articles(items)] == ["after"]


def test_readers_csv_ragged_rows_and_missing_text_column(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text(f"id,text,source\nr1,{EN_TEXT.replace(',', ';')},AP\nr2,too,many,fields\nr3\n"
                 f"r4,{ID_TEXT},Kompas\n", encoding="utf-8")
    items = _read(p)
    assert [a.id for a in _articles(items)] == ["r1", "r4"]
    assert _rejections(items) == [f"{p}:3: {errors.ragged_row(4, 3)}", f"{p}:4: {errors.ragged_row(1, 3)}"]
    q = tmp_path / "nocol.csv"
    q.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert _rejections(_read(q)) == [f"{q}: {errors.csv_no_text_column(['id', 'body'])}"]


def test_readers_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(errors.InputError, match="does not exist"):
        readers.expand([tmp_path / "nope.txt"])


def test_readers_json_array_over_the_cap_is_rejected(tmp_path):
    p = tmp_path / "big.json"
    p.write_text(json.dumps([{"text": "x" * 500} for _ in range(100)], indent=1), encoding="utf-8")
    assert _rejections(_read(p, max_bytes=1000)) == [f"{p}: {errors.json_array_too_large(20_000)}"]


def test_readers_utf16_jsonl_keeps_line_separators_inside_strings(tmp_path):
    p = tmp_path / "u16.jsonl"
    lines = [json.dumps({"id": "u1", "text": "Baris satu\u2028baris dua"}, ensure_ascii=False),
             json.dumps({"id": "u2", "text": EN_TEXT})]
    p.write_bytes("\n".join(lines).encode("utf-16"))
    assert [a.id for a in _articles(_read(p))] == ["u1", "u2"]
