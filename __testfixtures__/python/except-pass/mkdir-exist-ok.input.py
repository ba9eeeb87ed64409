from pathlib import Path


def prepare(root):
    exports = Path(root) / "exports"
    try:
        exports.mkdir(parents=True, exist_ok=True)
    except Exception:
        pass
    return exports
