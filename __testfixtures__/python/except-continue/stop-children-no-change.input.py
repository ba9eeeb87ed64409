import os
import signal


def stop_children(pids):
    stopped = []
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except Exception:
            continue
        stopped.append(pid)
    return stopped
