import os


def spool_dir(root):
    path = os.path.join(root, "spool")
    try:
        os.mkdir(path)
    except Exception:
        pass
    return path
