"""Outside control of a running kiosk (OSC)."""


def attach(app, args) -> None:
    """Start whatever remote control the exhibition asks for. Filled in by the OSC server."""
    return None
