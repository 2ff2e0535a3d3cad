"""Rules for the exhibition's OSC passcodes: long enough, and not digits alone, that guessing them (slowed to at most
10 a minute by the kiosk, docs/osc.md) would take longer than an exhibition runs."""

from __future__ import annotations

from ..yamlpos import Located
from .findings import WARNING, Recorder

MIN_PASSCODE = 8  # characters


class PasscodeRules(Recorder):
    def check_passcodes(self, shown: str, located: Located) -> None:
        osc = located.data.get("osc") if isinstance(located.data, dict) else None
        passcodes = osc.get("passcodes") if isinstance(osc, dict) else None
        if not isinstance(passcodes, dict):
            return
        for level, code in passcodes.items():
            if not isinstance(code, str) or not code:
                continue  # none, or a schema error already
            weak = []
            if len(code) < MIN_PASSCODE:
                weak.append(f"shorter than {MIN_PASSCODE} characters")
            if code.isdigit():
                weak.append("digits only")
            if weak:
                self.add(shown, located.line_of(("osc", "passcodes", level)),
                         f"osc.passcodes.{level} is {' and '.join(weak)}: anyone on the gallery network could guess "
                         f"it; use at least {MIN_PASSCODE} characters with letters (e.g. three unrelated words)",
                         WARNING)
