class Job:
	@staticmethod
	def run(step):
		if step:
			step()
