"""A reference for the resume budget: ``bare_app.py`` after importing what a validated session
needs before its first screen: pydantic and smcheck's models of answers and questionnaires.

Nothing is read, checked or drawn beyond the bare app's screen, so its ratio to the bare app is
the least a resume costs that shows only a validated session (see README.md).
"""

from __future__ import annotations

import sys

from bare_app import READY, BareApp

# imported for what importing them costs (pydantic, and the models it builds on import)
import smcheck.core.models.answers
import smcheck.core.models.assessment  # noqa: F401

if __name__ == "__main__":
    BareApp(sys.argv[1] if len(sys.argv) > 1 else READY).run()
