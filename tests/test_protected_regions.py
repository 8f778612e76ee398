"""The engine's protected-region lookups (logarithmic, for files with tens of thousands of
quotations) give the answers of the linear scans they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rewriter.document import overlaps_any
from rewriter.engine import _Regions
from rewriter.markup import Region

regions = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=25).map(
    lambda pairs: sorted((Region(s, s + n, "quote") for s, n in pairs), key=lambda r: (r.start, r.end)))


@given(regions, st.integers(0, 100), st.integers(0, 30))
def test_overlaps_and_coverage_equal_the_linear_scans(rs: list[Region], start: int, length: int) -> None:
    end = start + length
    fast = _Regions(rs)
    assert fast.overlaps(start, end) == overlaps_any(start, end, rs)
    naive = sum(max(0, min(r.end, end) - max(r.start, start)) for r in rs)
    assert fast.covered(start, end) == naive


def test_a_long_early_region_still_counts() -> None:
    rs = [Region(0, 1000, "code"), Region(10, 12, "quote"), Region(500, 510, "quote")]
    fast = _Regions(rs)
    assert fast.overlaps(900, 905) and fast.covered(900, 905) == 5
    assert fast.covered(505, 515) == 10 + 5
    assert not fast.overlaps(1000, 1005) and fast.covered(1000, 1005) == 0
    assert fast.overlaps(505, 505) and not fast.overlaps(1000, 1000)
