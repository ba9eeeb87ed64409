def close(conn):
    try:
        conn.flush()
    finally:
        conn.close()
