"""Paper that identifies itself (issue 14.5), checked by parsing the HTML as a browser would read
it (html.parser): every HTML export — the minutes and the plan van aanpak — has one `@page` rule
whose margin boxes carry the case number or the meeting, the version, "Vertrouwelijk" and
"pagina x van y"; actions are one table (Actie · Eigenaar · Deadline · Status); no client name in
the besluitenlijst or the .ics; Markdown nests lists by four spaces."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from minuteskit import Closed, closed_meeting

from zvh_tui.services.meetings import minutes
from zvh_tui.services.plans import plan_export
from zvh_tui.services.shared import paper
from zvh_tui.store.models import Person


class Page(HTMLParser):
    """The parts of an HTML document this test looks at: style, text, tables, tags seen."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.styles: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.tables: list[dict] = []  # {"class": ..., "head": [...], "rows": [[...]]}
        self._in: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self._in.append(tag)
        if tag == "table":
            self.tables.append({"class": dict(attrs).get("class", ""), "head": [], "rows": []})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if "thead" in self._in:
                table["head"] = self._row
            else:
                table["rows"].append(self._row)
            self._row = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "style":
            self.styles.append(data)
            return
        if "body" in self._in:
            self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def body_text(self) -> str:
        return "".join(self.text)


def page_boxes(style: str) -> dict[str, str]:
    """The margin boxes of the one @page rule: {"top-left": 'content: "…"', ...}."""
    rules = re.findall(r"@page\s*\{(.*?)\n\}", style, re.S)
    assert len(rules) == 1, "one @page rule"
    return {name: body.strip() for name, body in re.findall(r"@([a-z-]+)\s*\{([^}]*)\}", rules[0])}


def check_frame(source: str, subject: str, version: str) -> Page:
    page = Page(source)
    assert page.tags.count("style") == 1 and "script" not in page.tags and "link" not in page.tags
    assert "img" not in page.tags
    boxes = page_boxes("".join(page.styles))
    assert f'content: "{subject}"' in boxes["top-left"]
    assert version in boxes["top-right"]
    assert 'content: "Vertrouwelijk"' in boxes["bottom-left"]
    assert 'content: "pagina " counter(page) " van " counter(pages)' in boxes["bottom-right"]
    assert subject in page.body_text and "Vertrouwelijk" in page.body_text  # on screen too
    return page


def action_tables(page: Page) -> list[dict]:
    tables = [t for t in page.tables if t["class"] == "actions"]
    for table in tables:
        assert table["head"] == ["Actie", "Eigenaar", "Deadline", "Status"]
        assert all(len(row) == 4 for row in table["rows"])
    return tables


@pytest.fixture
def closed(build) -> Closed:
    return closed_meeting(build)


def test_every_minutes_page_identifies_itself(closed: Closed) -> None:
    record = minutes.read_minutes(closed.meeting)
    subject = f"Overleg {closed.meeting.id} · MDO 23-11-2026"
    views = [minutes.verslag_view(record), minutes.decisions_view(record),
             *(minutes.partner_view(record, p) for p in minutes.sheet_partners(record))]
    for view in views:
        page = check_frame(minutes.render(view, "html"), subject, f"{minutes.KIND_TITLES[view.kind]}, gemaakt op")
        tables = action_tables(page)
        assert tables and all(t["rows"] for t in tables)
    client = minutes.render(minutes.client_view(record, closed.item.id), "html")
    check_frame(client, "Casus 2026-0001", "Uitkomst van het overleg, gemaakt op")
    police = minutes.render(minutes.partner_view(record, closed.table.police), "html")
    rows = action_tables(Page(police))[0]["rows"]
    assert rows == [[f"een-actie-p{closed.table.police.id}", "Politie", "07-12-2026", "open"]]


def test_no_client_name_in_the_besluitenlijst_or_the_ics(closed: Closed) -> None:
    record = minutes.read_minutes(closed.meeting)
    page = Page(minutes.render(minutes.decisions_view(record), "html"))
    visible = page.body_text + "".join(page.styles) + minutes.render(minutes.decisions_view(record), "md")
    calendar = minutes.minutes_ics(record)
    for person in Person.select():
        for word in person.name.split():
            assert word not in visible and word not in calendar, word
    assert "2026-0001" in calendar and "2026-0001" in visible


def test_the_plan_export_uses_the_same_frame(closed: Closed) -> None:
    case = closed.table.case
    page = check_frame(plan_export.plan_html(case), "Casus 2026-0001", "Versie 2")
    tables = action_tables(page)
    texts = [row[0] for table in tables for row in table["rows"]]
    assert f"een-actie-p{closed.table.police.id}" in texts
    partner = check_frame(plan_export.plan_html(case, partner_id=closed.table.police.id), "Casus 2026-0001", "Versie 2")
    owners = {row[1] for table in action_tables(partner) for row in table["rows"]}
    assert owners == {"Politie"}


def test_markdown_nests_lists_by_four_spaces(closed: Closed) -> None:
    record = minutes.read_minutes(closed.meeting)
    for source in (minutes.render(minutes.verslag_view(record), "md"), plan_export.plan_markdown(closed.table.case)):
        nested = [line for line in source.splitlines() if re.match(r"\s+- ", line)]
        assert nested and all(line.startswith("    - ") for line in nested)


def test_a_stored_text_cannot_break_out_of_the_page_rule() -> None:
    hostile = 'MDO"; } body { display: none } </style><script>x</script> \\ \n'
    frame = paper.Frame(hostile, "Versie 1")
    source = paper.document("t", frame, ["<p>inhoud</p>"])
    page = Page(source)
    assert "script" not in page.tags and page.tags.count("style") == 1
    style = "".join(page.styles)
    assert "</style>" not in style and "body { display: none }" not in style  # inside the string only
    top_left = page_boxes(style)["top-left"]
    assert top_left.startswith('content: "MDO\\22 \\3b  \\7d  body \\7b  display: none \\7d  \\3c /style\\3e ')
    assert "inhoud" in page.body_text
