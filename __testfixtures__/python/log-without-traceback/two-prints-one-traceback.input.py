import subprocess


def run_playbook(args):
    try:
        return subprocess.check_output(args)
    except subprocess.CalledProcessError as e:
        print("playbook failed, output was:")
        print(e.output)
        print("exit status %d" % e.returncode)
        return None
