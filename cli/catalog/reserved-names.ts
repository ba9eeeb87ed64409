/**
 * Names an error class must not take: it would be a syntax error, shadow a global the kit
 * itself relies on, or collide with the kit's own exports in one of the languages the
 * catalog can target (JavaScript, TypeScript, Python).
 */

const JAVASCRIPT_KEYWORDS = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function',
  'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null',
  'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this',
  'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'async', 'of',
  'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
];

const TYPESCRIPT_KEYWORDS = [
  'abstract', 'any', 'as', 'asserts', 'bigint', 'boolean', 'declare', 'get', 'infer', 'is',
  'keyof', 'module', 'namespace', 'never', 'number', 'object', 'readonly', 'require', 'set',
  'string', 'symbol', 'type', 'unique', 'unknown', 'satisfies', 'accessor', 'override',
];

const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
  'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'match', 'case', 'type', 'self', 'cls',
];

/** Globals of JavaScript runtimes (ECMAScript, Node, the DOM) that error classes could shadow. */
const JAVASCRIPT_GLOBALS = [
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError',
  'TypeError', 'URIError', 'SuppressedError', 'DOMException', 'AbortError', 'TimeoutError',
  'SystemError', 'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol',
  'BigInt', 'Promise', 'Proxy', 'Reflect', 'JSON', 'Math', 'Date', 'RegExp', 'Map', 'Set',
  'WeakMap', 'WeakSet', 'WeakRef', 'Intl', 'Buffer', 'URL', 'Response', 'Request', 'Headers',
  'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'globalThis', 'process', 'console',
  'exports',
];

/** Built-in Python exceptions (and the asyncio/concurrency ones code commonly catches). */
const PYTHON_EXCEPTIONS = [
  'BaseException', 'Exception', 'ArithmeticError', 'AssertionError', 'AttributeError',
  'BlockingIOError', 'BrokenPipeError', 'BufferError', 'ChildProcessError',
  'ConnectionAbortedError', 'ConnectionError', 'ConnectionRefusedError',
  'ConnectionResetError', 'EOFError', 'EnvironmentError', 'FileExistsError',
  'FileNotFoundError', 'FloatingPointError', 'GeneratorExit', 'IOError', 'ImportError',
  'IndentationError', 'IndexError', 'InterruptedError', 'IsADirectoryError', 'KeyError',
  'KeyboardInterrupt', 'LookupError', 'MemoryError', 'ModuleNotFoundError', 'NameError',
  'NotADirectoryError', 'NotImplementedError', 'OSError', 'OverflowError', 'PermissionError',
  'ProcessLookupError', 'PythonFinalizationError', 'RecursionError', 'ReferenceError',
  'RuntimeError', 'StopAsyncIteration', 'StopIteration', 'SyntaxError', 'SystemError',
  'SystemExit', 'TabError', 'TimeoutError', 'TypeError', 'UnboundLocalError',
  'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError',
  'ValueError', 'ZeroDivisionError', 'ExceptionGroup', 'BaseExceptionGroup', 'CancelledError',
  'InvalidStateError', 'BrokenExecutor', 'IncompleteReadError', 'LimitOverrunError',
  'QueueEmpty', 'QueueFull',
];

/** Names the generated kit itself exports; an error class with one of them would shadow it. */
const KIT_EXPORTS = [
  'AppError', 'AppErrorOptions', 'Severity', 'ErrorCode', 'RequestContext', 'CircuitBreaker',
  'CircuitOpenError', 'isAppError', 'normalize', 'errorClasses', 'handleError', 'reportError',
  'toProblem', 'logger', 'serializeError', 'retry', 'withTimeout', 'withFallback',
  'resilienceHooks', 'runWithContext', 'getContext', 'installProcessHandlers',
];

export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...JAVASCRIPT_KEYWORDS,
  ...TYPESCRIPT_KEYWORDS,
  ...PYTHON_KEYWORDS,
  ...JAVASCRIPT_GLOBALS,
  ...PYTHON_EXCEPTIONS,
  ...KIT_EXPORTS,
]);
