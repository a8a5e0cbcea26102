"""A small inline SVG bar chart: posts per year before (read) and after (written) the conversion."""

from __future__ import annotations

from html import escape

BAR, GAP, HEIGHT, TOP, BOTTOM = 14, 12, 120, 16, 20


def year_chart(before: dict[str, int], after: dict[str, int]) -> str:
    """Grouped bars per year; an empty string when there are no posts."""
    years = sorted(set(before) | set(after))
    if not years:
        return ""
    highest = max([*before.values(), *after.values(), 1])
    group = 2 * BAR + GAP
    width = GAP + group * len(years)
    parts = [f'<svg role="img" width="{width}" height="{TOP + HEIGHT + BOTTOM}" '
             f'viewBox="0 0 {width} {TOP + HEIGHT + BOTTOM}" aria-label="Posts per year, read and written">']
    for index, year in enumerate(years):
        x = GAP + index * group
        for offset, (kind, counts) in enumerate((("before", before), ("after", after))):
            count = counts.get(year, 0)
            bar = round(HEIGHT * count / highest)
            left = x + offset * BAR
            parts.append(f'<rect class="bar-{kind}" x="{left}" y="{TOP + HEIGHT - bar}" width="{BAR - 1}" '
                         f'height="{bar}"><title>{escape(year)}: {count} {_word(kind)}</title></rect>')
            parts.append(f'<text x="{left + BAR / 2:g}" y="{TOP + HEIGHT - bar - 3}" '
                         f'text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x + BAR}" y="{TOP + HEIGHT + 14}" text-anchor="middle">'
                     f"{escape(year)}</text>")
    parts.append("</svg>")
    legend = ('<p class="legend"><span class="swatch bar-before"></span>read '
              '<span class="swatch bar-after"></span>written</p>')
    return "".join(parts) + legend


def _word(kind: str) -> str:
    return "read" if kind == "before" else "written"
