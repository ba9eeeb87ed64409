import * as rule from '../../../transforms/javascript/rules/error-details-in-response.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

const handler = (catchBody: string, tryBody = 'res.json(await orders.find(req.params.id));') =>
  `app.get('/orders/:id', async (req, res) => {\n  try {\n    ${tryBody}\n  } catch (err) {\n    ${catchBody}\n  }\n});\n`;

auditRuleTester(rule, {
  valid: [
    // A fixed message, the central handler, or only a log: nothing of the error reaches the client.
    handler("res.status(500).json({ error: 'Could not load the order' });"),
    handler('next(err);'),
    handler("logger.error({ err }, 'order lookup failed');\n    res.sendStatus(500);"),
    handler("res.status(500).json({ error: 'failed', code: err.code });"),
    // The handler tells errors apart: which ones reach the client is decided.
    handler("if (err instanceof NotFoundError) return res.status(404).json({ error: err.message });\n    res.status(500).json({ error: 'Internal error' });"),
    handler("switch (err.code) {\n      case 'ENOENT': return res.status(404).send(err.message);\n      default: throw err;\n    }"),
    handler('res.status(err.expose ? err.status : 500).json({ error: err.expose && err.message });'),
    handler('if (isHttpError(err)) res.status(err.status).send(err.message);\n    else next(err);'),
    handler('if (!(err instanceof ValidationError)) throw err;\n    res.status(400).json({ error: err.message });'),
    // A helper handed the response and the whole error decides what to show.
    handler('handleError(err, res);'),
    handler("respond({ res, code: 500, message: 'Something went wrong' });"),
    "app.use((err, req, res, next) => {\n  if (err.status && err.status < 500) return res.status(err.status).json({ error: err.message });\n  res.status(500).json({ error: 'Internal error' });\n});\n",
    // Details only outside production.
    handler("res.status(500).json({ error: 'Internal error', stack: process.env.NODE_ENV === 'development' ? err.stack : undefined });"),
    handler("if (config.isDev) return res.status(500).send(err.stack);\n    res.sendStatus(500);"),
    // A 4xx answer to a try that only parses or validates input: the message is about the request.
    handler('return res.status(400).json({ error: err.message });', 'body = schema.parse(JSON.parse(req.body));'),
    // Not a response, not the caught error.
    handler('socket.send(err.message);'),
    handler('res.status(422).json({ errors: result.errors });'),
    handler('const error = toPublic(err);\n    res.status(error.status).json(error);'),
    // Koa's ctx.throw with a 5xx hides its message.
    'router.get("/", async (ctx) => {\n  try { ctx.body = await load(); } catch (err) { ctx.throw(500, err.message); }\n});\n',
    // A test file's server answers only the test.
    { code: handler('res.status(500).send(err.message);'), filename: '/project/test/server.js' },
    { code: handler('res.status(500).send(err.message);'), filename: '/project/src/orders.spec.ts' },
    // Suppressed with a reason.
    handler('// faultline-ignore error-details-in-response: admin tool behind the VPN\n    res.status(500).send(err.stack);'),
  ],
  invalid: [
    {
      name: 'Express: the message in a JSON body',
      code: handler('res.status(500).json({ error: err.message });'),
      filename: JS_FILE,
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 49 }],
    },
    {
      name: 'the whole error, serialized with its own fields',
      code: handler('res.status(500).send(err);'),
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: 'the stack in a template, through a chained type',
      code: handler('res.status(500).type("text").send(`failed: ${err.stack}`);'),
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: "a 400 that catches a database call's failure",
      code: handler('return res.status(400).json({ message: err.message });', 'await db.insert(req.body);'),
      // A 4xx: the author meant the client to read why, so it is told rather than warned about.
      findings: [{ line: 5, column: 12, severity: 'info' }],
    },
    {
      name: 'a .catch handler of a promise chain',
      code: "router.post('/pay', (req, res) => {\n  charge(req.body)\n    .then((receipt) => res.json(receipt))\n    .catch((error) => res.status(502).json({ error: String(error) }));\n});\n",
      findings: [{ line: 4, column: 23 }],
    },
    {
      name: "an upstream's answer passed on",
      code: handler('res.status(502).json(err.response?.data ?? { error: "upstream failed" });'),
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: 'Koa: ctx.body',
      code: 'router.get("/", async (ctx) => {\n  try {\n    ctx.body = await load();\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { message: err.message };\n  }\n});\n',
      findings: [{ line: 6, column: 5 }],
    },
    {
      name: "Hono: c.json with the status",
      code: "app.get('/', async (c) => {\n  try {\n    return c.json(await load());\n  } catch (e) {\n    return c.json({ error: (e as Error).message }, 500);\n  }\n});\n",
      findings: [{ line: 5, column: 12 }],
    },
    {
      name: 'a fetch handler: Response.json and new Response',
      code: "export async function GET() {\n  try {\n    return Response.json(await load());\n  } catch (error) {\n    if (retryable) return new Response(`${error}`, { status: 503 });\n    return Response.json({ error: error.message }, { status: 500 });\n  }\n}\n",
      findings: [{ line: 5, column: 27 }, { line: 6, column: 12 }],
    },
    {
      name: 'an Express error middleware: the branch left for every other error',
      code: "app.use((err, req, res, next) => {\n  if (err.name === 'UnauthorizedError') {\n    return res.status(401).json({ message: 'missing credentials' });\n  } else if (err.errorCode) {\n    res.status(err.errorCode).json(err.message);\n  } else {\n    res.status(500).json(err.message);\n  }\n});\n",
      findings: [{ line: 7, column: 5 }],
    },
    {
      name: 'after an early return for one kind, the rest is every other error',
      code: handler('if (err instanceof NotFoundError) return res.status(404).end();\n    res.status(500).send(err.message);'),
      findings: [{ line: 6, column: 5 }],
    },
    {
      name: 'the default of a switch on the code',
      code: handler("switch (err.code) {\n      case 'ENOENT': return res.sendStatus(404);\n      default: return res.status(500).json({ error: err.message });\n    }"),
      findings: [{ line: 7, column: 23 }],
    },
    {
      name: 'a helper handed the response and the message, behind a test every error passes',
      code: "function errorMiddleware(err: unknown, req: Request, res: Response, _next: NextFunction) {\n  if (err instanceof ZodError) return respond({ res, code: 400, message: err.errors[0].message });\n  if (err instanceof Error) {\n    return respond({ res, code: StatusCode.INTERNAL, message: err.message });\n  }\n  return respond({ res, code: 500, message: 'Internal error' });\n}\n",
      findings: [{ line: 4, column: 12 }],
    },
    {
      name: "a built-in class picks out a programmer's error, whose message is about the code",
      code: handler("if (err instanceof TypeError) return res.status(400).json({ error: err.message });\n    res.status(500).json({ error: 'Internal error' });"),
      findings: [{ line: 5, column: 42, severity: 'info' }],
    },
    {
      name: 'a helper given the response and the error text',
      code: handler('sendHttpError(res, err.message);'),
      filename: JS_FILE,
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: 'Fastify: reply.code(…).send(…)',
      code: "fastify.get('/', async (request, reply) => {\n  try {\n    return await load();\n  } catch (err) {\n    reply.code(500).send({ message: err.message });\n  }\n});\n",
      findings: [{ line: 5, column: 5 }],
    },
  ],
});
