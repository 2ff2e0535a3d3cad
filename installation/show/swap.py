"""Live reload inside the show: when a new library may replace the running one, and how the visitor's state is
kept valid in it.

Safe point: never mid-scene of a story a visitor is watching. The swap waits while the visitor is on the content
note or inside a story, and happens on the attract screen, the chooser, during blackout, or on the end card (if the
story just finished is still in the new library; otherwise it waits for the chooser).
"""

from __future__ import annotations

from .state import State


def safe_to_swap(state: State, library) -> bool:
    """May the library change under the visitor now?"""
    if state.blackout or state.screen in ("attract", "chooser"):
        return True
    if state.screen == "end":
        return state.story in library.stories
    return False  # on the content note or in a story: wait


def adjust_state(state: State, library) -> None:
    """Keep the visitor's state valid in the new library (language still offered, focus inside the playlist)."""
    exhibition = library.exhibition
    if state.settings.language not in exhibition.languages:
        state.settings.language = exhibition.default_language
    if state.screen == "chooser":
        state.focus = max(0, min(state.focus, len(library.stories) - 1))
    if state.story is not None and state.story not in library.stories and state.screen in ("attract", "chooser"):
        state.story = None
    state.version += 1
    state.picture += 1
