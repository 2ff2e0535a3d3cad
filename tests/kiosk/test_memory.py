"""What the kiosk keeps in memory: decoded images and Ken Burns frames are let go when they are no longer shown, and
nothing decoded or rendered afterwards brings them back. Counts and references, never timings or sizes of the
process (those are `installation bench --only memory,soak`)."""

from __future__ import annotations

import gc
import weakref

import pygame

from installation.kiosk.images import ImageStore
from installation.kiosk.memory import let_go_done
from installation.kiosk.motion import KenBurns
from tests import REPO

ART = REPO / "media" / "images"
BOX = (320, 180)


def test_a_release_cancels_the_decodes_still_waiting_for_that_box():
    store = ImageStore(threaded=True)
    try:
        store.hold(True)  # as during a crossfade: the worker decodes nothing yet
        scenes = [ART / "attract.svg", ART / "chooser.svg"]
        for path in scenes:
            store.request(path, BOX)
        store.release(BOX)  # the story ended before they were decoded
        assert store.idle()
        store.hold(False)
        assert store.wait(ART / "attract.svg", (64, 36)) is not None  # queued after them: they were passed over
        assert [key for key in store.ready if key[1] == BOX] == []
    finally:
        store.close()


def test_an_image_asked_for_again_after_a_release_is_decoded_once():
    store = ImageStore(threaded=True)
    try:
        store.hold(True)
        store.request(ART / "attract.svg", BOX)
        store.release(BOX)
        store.request(ART / "attract.svg", BOX)  # two jobs queued for one image still wanted
        store.hold(False)
        assert store.wait(ART / "attract.svg", BOX) is not None
        store.wait_all()
        assert list(store.ready) == [(ART / "attract.svg", BOX, "cover")] and store.idle()
    finally:
        store.close()


def test_the_ken_burns_worker_keeps_no_layer_it_was_told_to_let_go():
    motion = KenBurns(lambda: 0.0, threaded=True)
    try:
        motion.frozen = True  # a paused story: the worker draws the layer's first frame, then sleeps
        layer = weakref.ref(motion.set("scene", pygame.Surface((360, 200)), 0.0, 10.0, 0, BOX))
        assert motion.wait_drawn(timeout=30)
        drawn = layer().front is not None
        assert drawn
        motion.keep(set())
        assert let_go_done()
        gc.collect()
        assert layer() is None  # its source and both frames went with it, while the worker sleeps
    finally:
        motion.close()


def test_a_story_leaves_nothing_of_itself_behind(app, driver):
    from installation.kiosk import widgets
    from installation.kiosk.screens import story

    driver.tap("begin")
    driver.tap("open", "alpha")
    driver.tap("continue")
    driver.advance(1.0)
    assert driver.look().shows("Scene 1, first caption.")
    made = widgets.rounded.cache_info().misses
    driver.advance(4.0)
    assert driver.look().shows("Scene 1, second caption.")  # a new caption, in a box of its own size
    assert widgets.rounded.cache_info().misses == made  # made for it alone, not kept among the shared widgets
    assert "caption_box" in app.memo and app.motion.layers
    box = story.box(app.view())
    assert [key for key in app.images.ready if key[1] == box]  # the scenes' pictures, at Ken Burns size

    driver.tap("home")  # leaves the story early
    assert driver.look().screen == "end"
    assert [key for key in app.images.ready if key[1] == box] == []
    assert app.motion.layers == {} and app.motion.primed == {}
    assert "chrome" not in app.memo and "caption_box" not in app.memo
    assert widgets.vertical_shade.cache_info().currsize == 0  # the bars' screen-wide shades


def test_a_story_started_from_another_keeps_none_of_its_pictures(app, driver):
    from installation.kiosk.screens import story

    driver.command("go", "alpha")
    driver.advance(2.0)
    box = story.box(app.view())
    alpha = {key[0] for key in app.images.ready if key[1] == box}
    assert alpha and all("alpha" in path.parts for path in alpha)
    driver.command("go", "beta")  # a remote /go, straight from one story to the next
    driver.advance(2.0)
    shown = {key[0] for key in app.images.ready if key[1] == box}
    assert shown and not shown & alpha  # only beta's first scenes, however much room the budget has


def test_only_the_scenes_near_the_one_shown_wait_to_be_decoded():
    store = ImageStore(threaded=True)
    try:
        store.hold(True)  # a visitor taps Next through four scenes during the crossfades
        scenes = [ART / "attract.svg", ART / "chooser.svg", ART / "bo-bo" / "arrest.svg"]
        for path in scenes:
            store.request(path, BOX)
        store.only(BOX, scenes[-1:])
        assert store.pending == {(scenes[-1], BOX, "cover")}
        store.hold(False)
        store.wait_all()
        assert list(store.ready) == [(scenes[-1], BOX, "cover")]  # the others were never decoded
    finally:
        store.close()
