// Prints, as JSON, what a generated JavaScript kit answers for every catalog code and a few special
// cases; problem_bodies.py prints the same for the Python kit, for comparison.
// Usage: LOG_LEVEL=silent node problem-bodies.mjs <absolute kit directory>
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const kitDir = process.argv[2];
const { handleError, toProblem } = await import(pathToFileURL(path.join(kitDir, 'handler.js')).href);
const { errorClasses } = await import(pathToFileURL(path.join(kitDir, 'catalog.js')).href);
const context = { instance: '/orders/7', requestId: 'req-parity' };

const answer = (error) => {
  const { status, headers, body } = handleError(error, context);
  return { status, headers, body };
};

const cases = [];
for (const [code, ErrorClass] of Object.entries(errorClasses)) {
  cases.push([`${code} bare`, answer(new ErrorClass())]);
  cases.push([`${code} with a message`, answer(new ErrorClass('Order 7 failed: db at 10.0.0.5'))]);
  cases.push([`${code} with retry-after`, answer(new ErrorClass('Slow down', { retryAfterSeconds: 12.5 }))]);
  cases.push([`${code} hidden`, answer(new ErrorClass('Order 7 failed', { expose: false }))]);
  const fields = [{ field: 'email', message: 'must be an email address' }, { field: 'age', message: 'must be 18 or more' }];
  cases.push([`${code} with fields`, answer(new ErrorClass('Invalid order', { details: { fields } }))]);
}
cases.push(['foreign error', answer(new Error('ENOENT: /etc/app/secret.key'))]);
cases.push(['no instance or request id', { body: toProblem(new errorClasses.NOT_FOUND()) }]);
process.stdout.write(JSON.stringify(cases));
