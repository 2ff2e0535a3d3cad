from __future__ import annotations

import pytest

from installation.kiosk import memory


@pytest.fixture
def make_app(library):
    from installation.kiosk.app import App, Options

    apps = []

    def build(size=(1920, 1080), lib=None):
        app = App(lib or library, Options(size=size, headless=True, simulated=True, audio=False))
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.images.close()
        app.motion.close()
    memory.hold(False)  # as App.close does: an app left in a crossfade holds nothing back for the next test


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def driver(app):
    from installation.kiosk.driver import Driver

    return Driver(app)
