import open from 'open';

export function showLogin(url, print) {
	print(`Log in at ${url}`);
	// Open the browser too; ignore errors if it cannot be opened (no display, a remote shell)
	(async () => {
		try {
			await open(url);
		} catch {}
	})();
}
