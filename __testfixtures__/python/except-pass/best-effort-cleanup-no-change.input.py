import os
import shutil
import tempfile


def render_preview(document, renderer):
    workdir = tempfile.mkdtemp(prefix="preview-")
    try:
        return renderer.render(document, workdir)
    finally:
        try:
            shutil.rmtree(workdir)
        except Exception:
            pass


def release(connection, lock_path):
    try:
        connection.close()
        os.unlink(lock_path)
    except Exception:
        pass
