# Runs a command in a pseudo-terminal, presses Ctrl-C once `wait_text` has appeared, and prints what the
# terminal showed and the exit code. Usage: python3 in-terminal.py <wait_text> <command> [args…]
import os, pty, sys, time, select
wait_text = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
out = b''
sent = False
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not sent and wait_text in out:
        time.sleep(0.2)
        os.write(fd, b'\x03')
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.stdout.write('\n[exit %d]\n' % (os.waitstatus_to_exitcode(status)))
