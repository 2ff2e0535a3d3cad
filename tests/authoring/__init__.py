"""Tests of the narration builder (installation.authoring)."""
