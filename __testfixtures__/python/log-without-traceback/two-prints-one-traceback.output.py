import subprocess

from app.errors import logger


def run_playbook(args):
    try:
        return subprocess.check_output(args)
    except subprocess.CalledProcessError as e:
        logger.exception("playbook failed, output was:")
        logger.error(e.output)
        logger.error("exit status %d" % e.returncode)
        return None
