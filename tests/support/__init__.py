"""Helpers for the tests, kept out of conftest.py (which holds fixtures only).

- project.py: where things are, the page list, front matter, the nav, the build day.
- build.py: building the site (in-process) and scratch copies of the project.
- html.py: reading built pages: the prose a reader reads, linkable ids, redirects.
- links.py: an in-process link and #anchor checker for a built site.
- linkchecker.py: running linkchecker the way it works as root (see its docstring).
- headers.py: the Netlify/Cloudflare _headers format.
- serving.py: a local static web server, optionally with the _headers headers.
- nginx.py: a real nginx on a loopback port, configured as README says.
- browser.py: finding Chromium, and one crawl of every page that records everything.
- qr.py: reading a QR code from a picture, as a phone would.
- printing.py: a page printed to PDF in Chromium: its text, sheets and QR code.
"""
