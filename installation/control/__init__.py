"""Outside control of a running kiosk (OSC): see docs/osc.md."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def settings_for(app, args=None):
    """The OSC settings from the exhibition's `osc:` mapping and play's --osc-* options; None when OSC is off."""
    from .server import Settings

    config = app.library.exhibition.osc
    port = getattr(args, "osc_port", None)
    if getattr(args, "no_osc", False):
        return None
    if config is None and port is None:
        return None
    if config is not None and not config.enabled and port is None:
        return None
    settings = Settings.from_config(config)
    if port is not None:
        settings.port = port
    host = getattr(args, "osc_host", None)
    if host:
        settings.host = host
    extra = getattr(args, "osc_allow", None)
    if extra:
        settings.allow = tuple(settings.allow) + tuple(extra)
    return settings


def attach(app, args=None):
    """Start the OSC server the exhibition (or the command line) asks for; returns it, or None when OSC is off."""
    from .server import OscServer, install_error_counter

    install_error_counter()
    settings = settings_for(app, args)
    if settings is None:
        log.info("OSC control is off (no osc: section in the exhibition file and no --osc-port)")
        return None
    try:
        server = OscServer(app, settings).start()
    except OSError as exc:
        log.error("OSC: cannot listen on %s port %s: %s", settings.host, settings.port, exc)
        return None
    app.osc = server
    import atexit

    atexit.register(server.close)
    return server
