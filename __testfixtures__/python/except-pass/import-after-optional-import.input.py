"""Collection installer."""

from __future__ import annotations

import os

try:
    import yaml
except ImportError:
    yaml = None

from app.collections import Collection
from app.galaxy import api


def install(path):
    try:
        os.chmod(path, 0o755)
    except Exception:
        pass
    return Collection(path, api, yaml)
