import { HTTPError } from 'ky';

export function assertOk(status, url) {
  if (status === 599) throw new HTTPError(`Network timeout for ${url}`);
  if (status >= 500) throw new Error(`Server error ${status} for ${url}`);
}
