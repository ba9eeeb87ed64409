/** Messages that describe a broken invariant: a bug to fix, never a client's mistake. */
export const PROGRAMMER_MESSAGE = /\b(assert(ion)?|invariant|should never|should not happen|can(no|')t happen|not implemented|unimplemented|unreachable|impossible|unexpected|unhandled|unknown (type|kind|case|action|state))\b/i;
