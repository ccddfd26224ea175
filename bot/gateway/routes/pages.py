"""The widget's files and a demo page at / that embeds it the way a college site would."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WIDGET_DIR = Path(__file__).resolve().parents[2] / "widget"
router = APIRouter(include_in_schema=False)

# Host pages cache the script for a short while only, so fixes reach them the same day.
_CACHE = {"Cache-Control": "public, max-age=300"}


@router.get("/")
def demo_page() -> FileResponse:
    return FileResponse(WIDGET_DIR / "demo.html", media_type="text/html")


@router.get("/widget.js")
def widget_script() -> FileResponse:
    return FileResponse(
        WIDGET_DIR / "widget.js", media_type="text/javascript; charset=utf-8", headers=_CACHE
    )


@router.get("/widget.css")
def widget_styles() -> FileResponse:
    return FileResponse(WIDGET_DIR / "widget.css", media_type="text/css", headers=_CACHE)
