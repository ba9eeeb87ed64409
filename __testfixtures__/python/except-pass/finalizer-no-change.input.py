class SpoolFile:
    def __init__(self, handle):
        self.handle = handle

    def flush_to(self, sink):
        sink.write(self.handle.read())

    def __del__(self):
        try:
            self.handle.detach()
        except Exception:
            pass
