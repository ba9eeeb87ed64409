try:
    open_socket()
except OSError as err:
    raise NetworkDown() from err
