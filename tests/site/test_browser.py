"""The site in a real browser: headless Chromium driven over the DevTools protocol.

Skipped when no Chromium is installed (Debian: ``apt-get install chromium``). Clicks are real
mouse events at the element's position, pages are opened from ``file://`` as a reader on a
shared drive would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.cdp import Browser, find_chromium
from tests.site.conftest import Site

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM)
    try:
        yield b
    finally:
        b.close()


def url(site: Site, page: str) -> str:
    return (site.out / page).resolve().as_uri()


def path_of(href: str) -> str:
    return unquote(urlsplit(href).path)


def test_home_to_sop_in_clicks(browser: Browser, contoh_site: Site) -> None:
    browser.goto(url(contoh_site, "index.html"))
    browser.errors()
    browser.click('table.kemajuan a[href="opd/dinkes.html"]')
    assert browser.url().endswith("/opd/dinkes.html")
    assert "Dinas Kesehatan" in browser.evaluate("document.querySelector('h1').textContent")
    browser.click('ul.pohon a[href="../proses/PB.02.01.01.html"]')
    assert browser.url().endswith("/proses/PB.02.01.01.html")
    browser.click('a[href="../sop/SOP-DINKES-001.html"]')
    assert browser.url().endswith("/sop/SOP-DINKES-001.html")
    h1 = browser.evaluate("document.querySelector('h1').textContent")
    assert "SOP-DINKES-001" in h1 and "Imunisasi" in h1
    # The SOP page shows its procedure and total time.
    assert browser.evaluate("document.querySelectorAll('table.prosedur tbody tr').length") == 12
    assert browser.evaluate("document.querySelector('.total').textContent").strip()
    assert browser.errors() == []


def test_diagram_nodes_are_links(browser: Browser, contoh_site: Site) -> None:
    browser.goto(url(contoh_site, "opd/dinkes.html"))
    # The level-0 map of Dinkes: its process boxes lead to the process pages.
    browser.click('.kanvas a[href="../proses/PB.02.html"]')
    assert browser.url().endswith("/proses/PB.02.html")
    # The level-n map of PB.02: a sub-process box.
    browser.click('.kanvas a[href="PB.02.01.html"]')
    assert browser.url().endswith("/proses/PB.02.01.html")
    browser.goto(url(contoh_site, "pohon.html"))
    # A sasaran node of the performance tree opens its branch of the navigable tree.
    browser.click('.kanvas a[href="pohon.html#sasaran-S1.1"]', navigates=False)
    assert browser.wait_for("document.getElementById('sasaran-S1.1').open") is True
    assert browser.errors() == []


def test_search_finds_sop_by_a_word_of_a_step(browser: Browser, contoh_site: Site) -> None:
    # "kohort" appears only in SOP-DINKES-001's steps (register kohort bayi).
    browser.goto(url(contoh_site, "index.html"))
    browser.type_text("#q-kepala", "Kohort")
    browser.press_enter()
    assert path_of(browser.url()).endswith("/cari.html")
    results = browser.evaluate(
        "Array.from(document.querySelectorAll('#hasil-cari a')).map(a => a.getAttribute('href'))"
    )
    assert "sop/SOP-DINKES-001.html" in results
    browser.click('#hasil-cari a[href="sop/SOP-DINKES-001.html"]')
    assert browser.url().endswith("/sop/SOP-DINKES-001.html")
    # Typing in the search page's own box updates the results without a reload.
    browser.goto(url(contoh_site, "cari.html"))
    browser.type_text("#q", "akta kelahiran")
    texts = browser.evaluate("document.getElementById('hasil-cari').innerText")
    assert "SOP-DUKCAPIL-002" in texts
    browser.type_text("#q", " zzzz-tidak-ada")
    assert browser.evaluate("document.querySelectorAll('#hasil-cari li').length") == 0
    assert browser.errors() == []


def test_finding_link_opens_its_document(browser: Browser, bermasalah_site: Site) -> None:
    browser.goto(url(bermasalah_site, "temuan.html"))
    total = browser.evaluate("document.querySelectorAll('table.temuan tbody tr').length")
    assert total > 10
    # Filter: family T, severity error.
    browser.evaluate(
        "(() => { const f = document.getElementById('saring'); f.elements.keluarga.value = 'T';"
        " f.elements.tingkat.value = 'error'; f.dispatchEvent(new Event('change')); })()"
    )
    shown = browser.evaluate(
        "Array.from(document.querySelectorAll('table.temuan tbody tr')).filter(r => !r.hidden).map(r => r.querySelector('code').textContent)"
    )
    assert shown and all(code.startswith("T") for code in shown) and len(shown) < total
    href = browser.evaluate(
        "Array.from(document.querySelectorAll('table.temuan tbody tr')).find(r => !r.hidden && r.querySelector('a.dok')).querySelector('a.dok').getAttribute('href')"
    )
    code = browser.evaluate(
        "Array.from(document.querySelectorAll('table.temuan tbody tr')).find(r => !r.hidden && r.querySelector('a.dok')).querySelector('code').textContent"
    )
    browser.click(f'tr:not([hidden]) a.dok[href="{href}"]')
    assert browser.url().endswith("/" + href)
    # The document's page lists the same finding.
    assert code in browser.evaluate(
        "Array.from(document.querySelectorAll('table.temuan code')).map(c => c.textContent).join(' ')"
    )
    # The home page's family cards open the findings page filtered.
    browser.goto(url(bermasalah_site, "index.html"))
    browser.click('a[href="temuan.html?keluarga=M"]')
    shown = browser.evaluate(
        "Array.from(document.querySelectorAll('table.temuan tbody tr')).filter(r => !r.hidden).map(r => r.querySelector('code').textContent)"
    )
    assert shown and all(c.startswith("M") for c in shown)
    assert browser.errors() == []


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
    return cache[page]


@pytest.mark.parametrize("which", ["contoh", "bermasalah"])
def test_crawl_every_page(browser: Browser, which: str, request: pytest.FixtureRequest) -> None:
    """Every page from the home page by links: no broken link or anchor, no console error."""
    site: Site = request.getfixturevalue(f"{which}_site")
    root = site.out.resolve()
    start = root / "index.html"
    todo = [start]
    seen = {start}
    broken: list[str] = []
    errors: list[str] = []
    ids: dict[Path, set[str]] = {}
    browser.errors()
    while todo:
        page = todo.pop()
        browser.goto(page.as_uri())
        errors.extend(f"{page.relative_to(root)}: {e}" for e in browser.errors())
        links = browser.evaluate(
            "Array.from(document.querySelectorAll('a[href], link[href], script[src], form[action]'))"
            ".map(e => new URL(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'), document.baseURI).href)"
        )
        for link in links:
            parts = urlsplit(link)
            assert parts.scheme == "file", f"{page}: {link} leaves the site"
            target = Path(unquote(parts.path))
            if not target.is_file() or root not in target.parents:
                broken.append(f"{page.relative_to(root)} -> {link}")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target, ids):
                broken.append(f"{page.relative_to(root)} -> {link} (no such anchor)")
            if target.suffix == ".html" and target not in seen:
                seen.add(target)
                todo.append(target)
    assert broken == []
    assert errors == []
    # Every page the site wrote was reached.
    written = {p for p in root.rglob("*.html")}
    assert written == seen
