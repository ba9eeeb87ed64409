export function checkName(name) {
	if (!/^[\w-]+$/.test(name)) {
		const error = new TypeError(`Header name must be a token [${name}]`);
		Object.defineProperty(error, 'code', {value: 'ERR_INVALID_HTTP_TOKEN'});
		throw error;
	}
}
