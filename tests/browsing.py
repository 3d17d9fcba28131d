"""A page visit in the real browser, recording console errors and requests to other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit


class Visit:
    """One page load, with what the page complained about and whom it asked."""

    def __init__(self, browser: object, base: str, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlsplit(base).netloc
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", self._failed)

        def route(r: object) -> None:
            if urlsplit(r.request.url).netloc not in (host, ""):
                self.foreign.append(r.request.url)
                r.abort()
            else:
                r.continue_()

        self.page.route("**/*", route)

    def _failed(self, request: object) -> None:
        # (a request the page itself gave up, leaving for another page, is no fault: a redirect
        # page's favicon)
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"{request.url}: {request.failure}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")

    def close(self) -> None:
        self.context.close()

    def wait_for_results(self, seconds: float = 30) -> None:
        """Until the search page lists a result; if none comes, fails saying what the page said
        and what went wrong on the way (a timeout alone names nothing to mend)."""
        try:
            self.page.locator("#sok-resultat > li").first.wait_for(timeout=seconds * 1000)
        except Exception as error:
            status = self.page.locator(".pa-sok-status").first.text_content(timeout=1000)
            raise AssertionError(f"no search results after {seconds} s on {self.page.url}: the page says "
                                 f"{status!r}; errors {self.errors}") from error
