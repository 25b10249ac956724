"""Text helpers shared by the knowledge models: jieba segmentation into search
lexemes, tsvector / tsquery literals built from them, snippets with highlights.

Lexemes only ever contain word characters (``\\w``), so the literals built here
cannot carry tsquery syntax typed by a user (``& | ! ( ) : * '``)."""

import html
import logging
import re
import unicodedata

import jieba
from markupsafe import Markup, escape

jieba.setLogLevel(logging.WARNING)


def load_dictionary():
    """Load jieba's dictionary now rather than at the first segmentation."""
    jieba.initialize()


# A question is cut to this many characters before segmentation, and at most
# MAX_QUERY_TERMS distinct lexemes are searched: a 10,000-character paste must
# not turn into a 10,000-term query.
MAX_QUESTION_CHARS = 500
MAX_QUERY_TERMS = 16
MAX_LEXEME_CHARS = 50
# PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383.
MAX_POSITIONS_PER_LEXEME = 32
MAX_POSITION = 16383

STOP_WORDS = frozenset(
    """
    的 了 是 在 我 有 和 就 不 人 都 一 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那
    吗 呢 吧 啊 呀 么 怎么 怎么办 怎样 如何 什么 为什么 哪里 哪个
    请问 可以 能 能否 一下 我们 你们 他们
    a an and are as at be by can do does for from how i in is it its my of on or our
    the this to what when where which who why with you your
    """.split()
)

_WORD = re.compile(r"\w+")
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_BLANKS = re.compile(r"[^\S\n]+")

# What the public and portal lists of questions show: a question a reader could
# have typed, never markup, links, e-mail addresses, long numbers (phones, cards,
# orders) or a key held down; over-long questions are not listed, long ones are cut.
MAX_LISTED_QUESTION_CHARS = 150
LIST_LABEL_CHARS = 80
ELLIPSIS = "\u2026"
_UNLISTABLE = re.compile(
    r"[<>{}\[\]\\|^`]"  # markup, template and script syntax
    r"|&#?\w+;"  # HTML entities
    r"|://|www\.|\w\.(?:com|cn|net|org|io)\b"  # links
    r"|\S@\S"  # e-mail addresses, handles
    r"|\d{7}"  # phone, card, order and id numbers
    r"|([^\d\s])\1{3}",  # the same letter or sign four times: a key held down
    re.IGNORECASE,
)


def clean_text(text, limit=MAX_QUESTION_CHARS, multiline=False):
    """User input made safe to search, log and store: control and format characters
    (NUL, which PostgreSQL refuses in any string, included) and lone surrogates become
    spaces, runs of white space one space (line breaks kept when ``multiline``), and
    the text is cut to ``limit``."""
    chars = (
        char
        if multiline and char == "\n"
        else " "
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn")
        else char
        for char in str(text or "")[: limit * 4]
    )
    text = "".join(chars)
    if multiline:
        lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(lines).strip()[:limit]
    return _SPACES.sub(" ", text).strip()[:limit]


def listable_question(text):
    """Whether a logged question may appear in the lists shown outside the back
    office: short enough, at least one search term, none of the patterns above."""
    text = text or ""
    return (
        0 < len(text) <= MAX_LISTED_QUESTION_CHARS
        and not _UNLISTABLE.search(text)
        and bool(query_terms(text))
    )


def list_label(text, limit=LIST_LABEL_CHARS):
    """text cut to limit characters, an ellipsis marking the cut."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def html_to_text(value):
    """Plain text of sanitised article HTML (cheaper than html2plaintext)."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", value or ""))).strip()


def lexemes(text):
    """jieba search-mode segmentation, lower-cased, word characters only, no stop words."""
    result = []
    for token in jieba.cut_for_search(text or ""):
        for word in _WORD.findall(token.lower()):
            if word not in STOP_WORDS:
                result.append(word[:MAX_LEXEME_CHARS])
    return result


def query_terms(question):
    """The distinct lexemes of a question, in order, at most MAX_QUERY_TERMS."""
    seen = []
    for word in lexemes((question or "")[:MAX_QUESTION_CHARS]):
        if word not in seen:
            seen.append(word)
            if len(seen) == MAX_QUERY_TERMS:
                break
    return seen


def tsvector_literal(title, keywords, body_text):
    """A tsvector literal: title and keyword lexemes weighted A, body lexemes B."""
    positions = {}
    position = 0
    for weight, text in (("A", title), ("A", keywords), ("B", body_text)):
        for word in lexemes(text):
            position += 1
            if position > MAX_POSITION:
                break
            entries = positions.setdefault(word, [])
            if len(entries) < MAX_POSITIONS_PER_LEXEME:
                entries.append(f"{position}{weight}")
    return " ".join(f"'{word}':{','.join(pos)}" for word, pos in positions.items())


def tsquery_literal(terms, operator):
    """terms joined with & or |; ASCII terms of 3+ letters also match as prefixes."""
    assert operator in ("&", "|")
    parts = []
    for term in terms:
        suffix = ":*" if term.isascii() and len(term) >= 3 else ""
        parts.append(f"'{term}'{suffix}")
    return f" {operator} ".join(parts)


def highlight(text, terms, width=200):
    """An escaped excerpt of text around the first term found, terms in <mark>."""
    text = text or ""
    lower = text.lower()
    found = [pos for pos in (lower.find(term) for term in terms) if pos >= 0]
    start = max(0, min(found) - width // 4) if found else 0
    excerpt = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    if not terms:
        return escape(prefix + excerpt + suffix)
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE
    )
    spans = []
    for match in pattern.finditer(excerpt):
        if spans and spans[-1][1] == match.start():
            spans[-1][1] = match.end()  # adjacent terms form one highlight
        else:
            spans.append([match.start(), match.end()])
    out = [escape(prefix)]
    last = 0
    for start_, end in spans:
        out.append(escape(excerpt[last:start_]))
        out.append(Markup("<mark>%s</mark>") % excerpt[start_:end])
        last = end
    out.append(escape(excerpt[last:] + suffix))
    return Markup("").join(out)


def plain_comment(value):
    """A reader's comment as plain text: entities decoded first, then every tag
    removed, so that neither <script> nor &lt;script&gt; survives as markup."""
    text = _TAGS.sub(" ", html.unescape(value or ""))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()).strip()
