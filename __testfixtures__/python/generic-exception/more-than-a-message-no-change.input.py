def lookup(table, key):
    if key not in table:
        raise Exception("key not found", key)
    return table[key]
