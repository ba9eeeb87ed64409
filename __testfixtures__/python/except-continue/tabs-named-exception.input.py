import json


def decode_all(lines):
	out = []
	for line in lines:
		try:
			out.append(json.loads(line))
		except Exception as problem:
			continue
	return out
