"""Speed budget for images: no image file in the built site is over 30 KB. (The first
view's bytes and requests per page: tests/browser/test_crawl.py.)"""

from __future__ import annotations

MAX_IMAGE_BYTES = 30_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


def test_no_image_is_over_30_kb(site_dir):
    large = [f"{p.relative_to(site_dir)} ({p.stat().st_size:,} bytes)" for p in site_dir.rglob("*")
             if p.suffix.lower() in IMAGE_SUFFIXES and p.stat().st_size > MAX_IMAGE_BYTES]
    assert not large, f"images over {MAX_IMAGE_BYTES:,} bytes: {large}"
