def usage():
    try:
        print("""
    usage: tool [options]
""")
    except OSError:
        raise
