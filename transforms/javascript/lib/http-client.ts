/**
 * Outbound HTTP requests. The errors they throw can carry the request: axios keeps `config` (URL,
 * headers, credentials) and `request`, got and superagent keep their options, and Node's own
 * `http.request`/`https.get` throw with the URL they were given (`ERR_INVALID_URL`'s `input`, a
 * token in its query string included). Whatever prints such an error, or a new error that holds it
 * as its cause, prints the request with it.
 */
import type { File, Node } from '@babel/types';
import { moduleBindingsOf } from './module-bindings.js';
import { walk } from './walk.js';

/** HTTP clients whose errors hold the request they made: axios, got, request, superagent, needle. */
const REQUEST_KEEPING_CLIENT = /^(?:axios\w*|\w*Axios|got|request|superagent|needle)$/;

/** Node's modules that send requests, and their functions that do. */
const NODE_HTTP_MODULE = /^(?:node:)?https?$/;
const NODE_HTTP_FUNCTION = new Set(['request', 'get']);
/** The names Node's http modules go by when a function is handed them rather than importing them. */
const CONVENTIONAL_MODULE_NAMES = new Set(['http', 'https']);

/** The file's local names for Node's http modules (`http`) and for their request functions (`get`, `httpsGet`). */
export interface NodeHttpBindings {
  modules: ReadonlySet<string>;
  functions: ReadonlySet<string>;
}

export function nodeHttpBindingsOf(ast: File): NodeHttpBindings {
  const modules = new Set(CONVENTIONAL_MODULE_NAMES);
  const functions = new Set<string>();
  for (const binding of moduleBindingsOf(ast)) {
    if (!NODE_HTTP_MODULE.test(binding.source)) continue;
    if (binding.whole) modules.add(binding.local);
    else if (binding.imported !== undefined && NODE_HTTP_FUNCTION.has(binding.imported)) functions.add(binding.local);
  }
  return { modules, functions };
}

/**
 * Whether `block` sends an HTTP request: `axios.post(…)`, `this.axios(…)`, `got(…)`,
 * `http.request(…)`, `https.get(…)`, or a `get` imported from `node:https`.
 */
export function callsHttpClient(block: Node, node: NodeHttpBindings): boolean {
  let found = false;
  walk(block, (current) => {
    if (found) return false;
    if (current.type !== 'CallExpression') return undefined;
    let callee: Node = current.callee;
    if (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.property.type === 'Identifier' &&
      NODE_HTTP_FUNCTION.has(callee.property.name) &&
      callee.object.type === 'Identifier' &&
      node.modules.has(callee.object.name)
    ) {
      found = true;
    }
    while (callee.type === 'MemberExpression') {
      if (!callee.computed && callee.property.type === 'Identifier' && REQUEST_KEEPING_CLIENT.test(callee.property.name)) found = true;
      callee = callee.object;
    }
    if (callee.type === 'Identifier' && (REQUEST_KEEPING_CLIENT.test(callee.name) || (callee === current.callee && node.functions.has(callee.name)))) found = true;
    return undefined;
  });
  return found;
}
