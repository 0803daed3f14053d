"""Every rejection reason, and no other exception for any input."""

from __future__ import annotations

import gzip
import random

import pytest

from article_ingest.extraction import (
    Article,
    ExtractionLimits,
    RejectedDocumentError,
    RejectionReason,
    extract,
)

# Random bytes are refused as binary or undecodable but for a handful that happen to decode as
# text (196 of these 200): the share keeps a little room, so only a real change trips it.
NOISE_REFUSED_SHARE = 0.95
# Reasons the source adapter and the ingest service decide; the extraction never gives them.
DECIDED_AROUND_THE_EXTRACTION = {
    RejectionReason.MISSING,
    RejectionReason.NOT_DOCUMENT,
    RejectionReason.INTERNAL_ERROR,
}


def rejection_of(data: bytes, **options: object) -> RejectionReason:
    with pytest.raises(RejectedDocumentError) as caught:
        extract(data, **options)  # type: ignore[arg-type]
    return caught.value.reason


def test_zero_bytes_are_rejected_as_empty() -> None:
    # Given no bytes / When extracted / Then the reason is empty
    assert rejection_of(b"") is RejectionReason.EMPTY


def test_only_whitespace_is_rejected_as_empty() -> None:
    assert rejection_of(b" \n\t\r\n ") is RejectionReason.EMPTY


def test_a_png_is_rejected_as_an_unsupported_type_and_named() -> None:
    # Given an image signature / When extracted
    with pytest.raises(RejectedDocumentError) as rejected:
        extract(b"\x89PNG\r\n\x1a\n" + bytes(200))
    # Then the reason is unsupported_type, and the detail says what the file is
    assert rejected.value.reason is RejectionReason.UNSUPPORTED_TYPE
    assert "PNG image" in rejected.value.detail


@pytest.mark.parametrize(
    ("head", "named"),
    [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04", "ZIP"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE")],
)
def test_documents_that_are_not_text_are_named_in_their_rejection(head: bytes, named: str) -> None:
    with pytest.raises(RejectedDocumentError) as rejected:
        extract(head + bytes(range(256)) * 4)
    assert (rejected.value.reason, named in rejected.value.detail) == (RejectionReason.UNSUPPORTED_TYPE, True)


def test_random_control_bytes_are_rejected_as_binary() -> None:
    assert rejection_of(bytes(range(0, 32)) * 50) is RejectionReason.BINARY


def test_input_over_the_byte_limit_is_rejected_as_too_large() -> None:
    # Given a limit of 100 bytes / When 1000 bytes arrive / Then the reason is too_large
    assert rejection_of(b"a" * 1000, limits=ExtractionLimits(max_bytes=100)) is RejectionReason.TOO_LARGE


def test_a_gzip_bomb_stops_at_the_limit_as_too_large() -> None:
    # Given 50 MB of zeros compressed to a few KB / When extracted with a 1 MB cap
    bomb = gzip.compress(b"\0" * 50_000_000)
    # Then decompression stops at the cap and the document is too_large
    assert rejection_of(bomb, limits=ExtractionLimits(max_bytes=1_000_000)) is RejectionReason.TOO_LARGE


def test_data_declared_gzip_that_is_not_gzip_is_corrupt() -> None:
    assert rejection_of(b"not gzip at all", content_encoding="gzip") is RejectionReason.CORRUPT


def test_a_truncated_gzip_is_corrupt_never_a_short_article() -> None:
    # Given a gzipped article cut off halfway (an interrupted upload)
    article = b"<html><body>" + b"<p>The council voted on Tuesday to expand the network.</p>" * 200
    whole = gzip.compress(article + b"</body></html>")
    # When only its first half is extracted / Then it is corrupt, not the readable start
    assert rejection_of(whole[: len(whole) // 2]) is RejectionReason.CORRUPT


def test_concatenated_gzip_members_are_one_document() -> None:
    # Given `cat a.gz b.gz`, which gunzip reads as one file
    first = b"<html><body><p>" + b"The council voted on Tuesday to expand the network. " * 20
    data = gzip.compress(first) + gzip.compress(b"It met again on Friday.</p></body></html>")
    # When extracted / Then both members are read
    assert extract(data).text.endswith("It met again on Friday.")


def test_a_login_form_without_text_is_rejected_as_not_article() -> None:
    form = b"<form><input name=u><input type=password name=p><button>Go</button></form>"
    page = b"<html><head><title>Sign in</title></head><body>" + form + b"</body></html>"
    assert rejection_of(page) is RejectionReason.NOT_ARTICLE


def test_a_page_of_menu_links_is_rejected_as_not_article() -> None:
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
    page = f"<html><body><ul>{links}</ul></body></html>".encode()
    assert rejection_of(page) is RejectionReason.NOT_ARTICLE


def _random_samples() -> list[bytes]:
    generator = random.Random(20260101)
    return [bytes(generator.getrandbits(8) for _ in range(generator.randint(1, 400))) for _ in range(200)]


def _outcome(data: bytes) -> Article | RejectedDocumentError:
    """The article, or the rejection; any other exception propagates and fails the test."""
    try:
        return extract(data)
    except RejectedDocumentError as rejection:
        return rejection


def test_random_bytes_end_as_an_article_with_text_or_a_rejection_with_reason_and_detail() -> None:
    # Given many random inputs, bare, behind a gzip signature and behind an <html> tag
    samples = _random_samples()
    samples += [b"\x1f\x8b" + sample for sample in samples[:20]] + [
        b"<html>" + sample for sample in samples[:20]
    ]
    # When each is extracted
    outcomes = [_outcome(sample) for sample in samples]
    # Then each is a definite outcome that says what it is
    for outcome in outcomes:
        if isinstance(outcome, Article):
            assert outcome.text.strip()
            assert outcome.word_count > 0
        else:
            assert outcome.reason not in DECIDED_AROUND_THE_EXTRACTION
            assert outcome.detail


def test_random_bytes_behind_a_gzip_signature_are_corrupt() -> None:
    # Given random bytes that start like a gzip file
    samples = [b"\x1f\x8b" + sample for sample in _random_samples()[:20]]
    # When extracted / Then every one is refused as a broken compressed file
    assert {rejection_of(sample) for sample in samples} == {RejectionReason.CORRUPT}


def test_noise_is_refused_as_binary_or_undecodable_not_taken_for_text() -> None:
    # Given random bytes, bare and behind an <html> tag
    bare = [_outcome(sample) for sample in _random_samples()]
    tagged = [_outcome(b"<html>" + sample) for sample in _random_samples()[:20]]
    # When extracted / Then nearly all the bare noise, and all the tagged, is refused as no text
    noise = {RejectionReason.BINARY, RejectionReason.UNDECODABLE}
    refused_as_noise = [o for o in bare if isinstance(o, RejectedDocumentError) and o.reason in noise]
    assert len(refused_as_noise) >= NOISE_REFUSED_SHARE * len(bare)
    assert all(isinstance(o, RejectedDocumentError) and o.reason in noise for o in tagged)


def test_control_character_references_are_dropped_not_raised() -> None:
    # Given a page whose text holds &#16; and &#xD800; (no XML tree can hold them)
    page = (
        b"<html><body><p>Bus &#16;lines &#xD800;reopen today, the council said on Tuesday.</p></body></html>"
    )
    # When extracted / Then the references are gone and nothing is raised
    assert extract(page).text == "Bus lines reopen today, the council said on Tuesday."
