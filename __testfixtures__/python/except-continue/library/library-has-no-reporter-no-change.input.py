def plugins(entry_points):
    loaded = []
    for entry in entry_points:
        try:
            loaded.append(entry.load())
        except Exception:
            continue
    return loaded
