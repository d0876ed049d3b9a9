"""``python -m smcheck``."""

from smcheck.cli.main import main

# Guarded: worker processes started by "spawn" (scoring many files on macOS and Windows)
# import this module again under another name, and must not run the command once more.
if __name__ == "__main__":
    raise SystemExit(main())
