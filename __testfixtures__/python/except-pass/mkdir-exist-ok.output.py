from pathlib import Path

from app.errors import report_error


def prepare(root):
    exports = Path(root) / "exports"
    try:
        exports.mkdir(parents=True, exist_ok=True)
    except Exception as err:
        report_error(err, operation="prepare")
    return exports
