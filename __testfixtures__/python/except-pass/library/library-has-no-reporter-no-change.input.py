def parse_header(line):
    try:
        name, value = line.split(":", 1)
    except Exception:
        pass
    return line
