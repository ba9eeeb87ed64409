try:
    open_socket()
except OSError:
    raise NetworkDown()
