import sys


def report_error(error):
    sys.stderr.write(str(error))


def run(job):
    try:
        job()
    except Exception:
        pass
