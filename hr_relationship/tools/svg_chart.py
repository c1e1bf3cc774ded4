# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Small charts as inline SVG markup, drawn on the server: a PDF report is
rendered by wkhtmltopdf, which runs no chart library reliably."""

from markupsafe import Markup, escape

# The attitude colours of the stakeholder views' badges.
ATTITUDE_COLOURS = {
    "champion": "#198754",
    "supporter": "#20c997",
    "neutral": "#6c757d",
    "sceptic": "#fd7e14",
    "blocker": "#dc3545",
}
LINE_COLOUR = "#017e84"
MUTED = "#8f8f8f"
# Where the next dots on one spot of the grid go: around the first one,
# ring after ring.
AROUND = [
    (13, 0),
    (-13, 0),
    (0, 13),
    (0, -13),
    (13, 13),
    (-13, 13),
    (13, -13),
    (-13, -13),
]
FONT = 'font-family="sans-serif" font-size="9"'


def _fmt(number):
    return f"{number:.1f}".rstrip("0").rstrip(".")


def trend(points, low, high, kind="line", width=300, height=90):
    """A line or bar chart of ``points``, a list of (label, value) in their
    order of time, on a scale from ``low`` to ``high``; only the first and
    last labels are written under a line, every label under a bar. Empty
    markup without points: the report says so in words."""
    if not points:
        return Markup()
    top, bottom, side = 12, 16, 4
    plot_height = height - top - bottom
    step = (width - 2 * side) / len(points)

    def y_of(value):
        share = (min(max(value, low), high) - low) / ((high - low) or 1)
        return top + plot_height * (1 - share)

    parts = [
        f'<line x1="{side}" y1="{height - bottom}" x2="{width - side}" '
        f'y2="{height - bottom}" stroke="{MUTED}" stroke-width="0.5"/>'
    ]
    if low < 0 < high:
        zero = _fmt(y_of(0))
        parts.append(
            f'<line x1="{side}" y1="{zero}" x2="{width - side}" y2="{zero}" '
            f'stroke="{MUTED}" stroke-width="0.5" stroke-dasharray="2,2"/>'
        )
    centres = [side + step * (index + 0.5) for index in range(len(points))]
    if kind == "bar":
        bar = min(step * 0.6, 28)
        base = y_of(max(low, 0))
        for (label, value), centre in zip(points, centres, strict=True):
            y = y_of(value)
            parts.append(
                f'<rect x="{_fmt(centre - bar / 2)}" y="{_fmt(min(y, base))}" '
                f'width="{_fmt(bar)}" height="{_fmt(max(abs(base - y), 1))}" '
                f'fill="{LINE_COLOUR}"/>'
            )
            parts.append(_text(centre, min(y, base) - 2, _fmt(value)))
            parts.append(_text(centre, height - 4, label, MUTED))
    else:
        coords = [
            (centre, y_of(value))
            for (_label, value), centre in zip(points, centres, strict=True)
        ]
        parts.append(
            f'<polyline fill="none" stroke="{LINE_COLOUR}" stroke-width="1.5" '
            f'points="{" ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in coords)}"/>'
        )
        parts += [
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2" fill="{LINE_COLOUR}"/>'
            for x, y in coords
        ]
        last_x, last_y = coords[-1]
        parts.append(_text(last_x, last_y - 4, _fmt(points[-1][1])))
        parts.append(_text(coords[0][0], height - 4, points[0][0], MUTED))
        if len(points) > 1:
            parts.append(_text(last_x, height - 4, points[-1][0], MUTED))
    return _svg(width, height, parts)


def power_interest_grid(people, labels, high_from=3, scale=(1, 5), size=230):
    """The power/interest grid: ``people`` are dicts with ``label``,
    ``influence``, ``interest`` and ``attitude``, drawn as numbered dots;
    ``labels`` names the axes (``influence``, ``interest``) and the
    quadrants (the keys of hr.stakeholder's quadrant), in the reader's
    language. The grid is split where scores count as high (``high_from``).
    People on the same spot are fanned out so that each stays legible."""
    low, high = scale
    margin = 16
    inner = size - 2 * margin
    span = (high - low) or 1

    def coord(score, flip=False):
        share = (min(max(score, low), high) - low) / span
        # Half a step of room on each side, so no dot sits on the border.
        share = (share * span + 0.5) / (span + 1)
        return margin + inner * ((1 - share) if flip else share)

    split_x = coord(high_from - 0.5)
    split_y = coord(high_from - 0.5, flip=True)
    far = margin + inner
    parts = [
        f'<rect x="{margin}" y="{margin}" width="{inner}" height="{inner}" '
        f'fill="#f8f9fa" stroke="{MUTED}" stroke-width="0.5"/>',
        f'<line x1="{_fmt(split_x)}" y1="{margin}" x2="{_fmt(split_x)}" '
        f'y2="{far}" stroke="{MUTED}" stroke-width="0.5"/>',
        f'<line x1="{margin}" y1="{_fmt(split_y)}" x2="{far}" '
        f'y2="{_fmt(split_y)}" stroke="{MUTED}" stroke-width="0.5"/>',
        _text(margin + 3, margin + 10, labels["keep_satisfied"], MUTED, "start"),
        _text(far - 3, margin + 10, labels["manage_closely"], MUTED, "end"),
        _text(margin + 3, far - 4, labels["monitor"], MUTED, "start"),
        _text(far - 3, far - 4, labels["keep_informed"], MUTED, "end"),
        _text(size / 2, size - 3, labels["interest"] + " \u2192"),
        Markup('<g transform="rotate(-90 10 %s)">%s</g>')
        % (_fmt(size / 2), _text(10, size / 2, labels["influence"] + " \u2192")),
    ]
    seen = {}
    for person in people:
        spot = (person["interest"], person["influence"])
        rank = seen[spot] = seen.get(spot, -1) + 1
        dx = dy = 0
        if rank:
            ring, place = divmod(rank - 1, len(AROUND))
            dx, dy = (step * (ring + 1) for step in AROUND[place])
        x = coord(person["interest"]) + dx
        y = coord(person["influence"], flip=True) + dy
        colour = ATTITUDE_COLOURS.get(person["attitude"], MUTED)
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="6" fill="{colour}"/>')
        parts.append(_text(x, y + 3, person["label"], "#ffffff"))
    return _svg(size, size, parts)


def _text(x, y, text, colour="#212529", anchor="middle"):
    return Markup('<text x="%s" y="%s" text-anchor="%s" fill="%s" %s>%s</text>') % (
        _fmt(x),
        _fmt(y),
        anchor,
        colour,
        Markup(FONT),
        escape(text),
    )


def _svg(width, height, parts):
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" '
        'viewBox="0 0 %s %s">%s</svg>'
    ) % (width, height, width, height, Markup("").join(Markup(p) for p in parts))
