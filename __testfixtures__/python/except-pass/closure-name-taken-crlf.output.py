import shutil

from app.errors import report_error


def archive(paths, err):
    def move(path):
        try:
            shutil.move(path, "/archive")
        except BaseException as error:
            report_error(error, operation="move")
        return err

    return [move(path) for path in paths]
