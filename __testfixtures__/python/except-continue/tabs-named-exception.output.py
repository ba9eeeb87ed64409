import json

from app.errors import report_error


def decode_all(lines):
	out = []
	for line in lines:
		try:
			out.append(json.loads(line))
		except Exception as problem:
			report_error(problem, operation="decode_all")
			continue
	return out
