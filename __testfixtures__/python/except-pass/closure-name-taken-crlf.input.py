import shutil


def archive(paths, err):
    def move(path):
        try:
            shutil.move(path, "/archive")
        except BaseException:
            pass
        return err

    return [move(path) for path in paths]
