"""Declared encodings of XML inputs: spotting UTF-8 declared as ISO-8859-1, and ``--encoding``.

A Blogger or WordPress export re-saved by a tool that wrote ``encoding="ISO-8859-1"`` over UTF-8
bytes reads without any error, every ``ä`` turned into ``Ã¤`` (mojibake). When an input declares
ISO-8859-1 or Windows-1252, its bytes are watched as they stream past: if they hold multi-byte
sequences and are valid UTF-8 throughout (which real Latin-1 text with accents almost never is),
the reader reports ``encoding-suspect``. ``--encoding utf-8`` (``ReadOptions.encoding``) then
reads the file in the given encoding whatever it declares.
"""

from __future__ import annotations

import codecs
import re

from importer.errors import UsageError

#: Codec names (as ``codecs.lookup`` spells them) whose declaration is suspect over UTF-8 bytes.
SUSPECT_DECLARATIONS = frozenset({"iso8859-1", "cp1252"})
_DECLARATION = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_SAMPLE_BEFORE, _SAMPLE_AFTER = 16, 24
_WORD_ENDS = frozenset(b" \t\r\n<>\"'&;")


def encoding_override(name: str | None) -> str | None:
    """``--encoding``: None, or the name of a codec Python knows; ``UsageError`` otherwise."""
    if name is None:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"--encoding {name!r} is not an encoding this tool knows; "
                         "use a name such as utf-8 or windows-1252") from None
    return name


def declared_xml_encoding(head: bytes) -> str | None:
    """The encoding label of the XML declaration at the start of ``head`` (as written), or None."""
    match = _DECLARATION.match(head)
    return match.group(1).decode("ascii") if match else None


def suspect_declaration(head: bytes) -> str | None:
    """The declared label when it is ISO-8859-1 or Windows-1252 (in any spelling), else None."""
    label = declared_xml_encoding(head)
    if label is None:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return label if name in SUSPECT_DECLARATIONS else None


def _word_at(chunk: bytes, first: int) -> bytes:
    """The word around ``chunk[first]`` (bounded), to show in the message."""
    start, end = first, first
    while start > max(0, first - _SAMPLE_BEFORE) and chunk[start - 1] not in _WORD_ENDS:
        start -= 1  # every byte before ``first`` is ASCII
    while end < min(len(chunk), first + _SAMPLE_AFTER) and chunk[end] not in _WORD_ENDS:
        end += 1
    return chunk[start:end]


class Utf8Watch:
    """Fed every chunk of an input declared ``label``: are its bytes UTF-8 after all?"""

    def __init__(self, label: str) -> None:
        self.label = label
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._valid = True
        self._sample = b""

    def feed(self, chunk: bytes) -> None:
        """Look at the next chunk of the input's bytes."""
        if not self._valid or chunk.isascii():
            return
        try:
            self._decoder.decode(chunk)
        except UnicodeDecodeError:
            self._valid = False
            return
        if not self._sample:
            self._sample = _word_at(chunk, next(i for i, byte in enumerate(chunk) if byte >= 0x80))

    def message(self) -> str | None:
        """The ``encoding-suspect`` message once the whole input was fed, or None."""
        if not self._valid or not self._sample:
            return None
        try:
            self._decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
        as_utf8 = self._sample.decode("utf-8", errors="ignore").strip()
        as_declared = as_utf8.encode("utf-8").decode("cp1252", errors="replace")
        return (f"The file declares encoding {self.label!r} but its bytes are UTF-8: read as "
                f"declared, {as_utf8!r} becomes {as_declared!r}. If the text shows such mojibake, "
                "convert again with --encoding utf-8.")
