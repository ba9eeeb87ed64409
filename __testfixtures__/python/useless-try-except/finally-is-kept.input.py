def close(conn):
    try:
        conn.flush()
    except OSError:
        raise
    finally:
        conn.close()
