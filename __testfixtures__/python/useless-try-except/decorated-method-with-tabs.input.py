class Job:
	@staticmethod
	def run(step):
		try:
			if step:
				step()
		except RuntimeError:
			raise
