"""Behind the Rescue: the exhibition kiosk."""

__version__ = "0.1.0"
