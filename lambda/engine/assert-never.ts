// Exhaustiveness for switches over unions: a new event or question that is not handled fails to compile.
export function assertNever(value: never): never {
  throw new Error(`Unhandled value ${JSON.stringify(value)}`);
}
