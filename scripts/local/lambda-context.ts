// A Lambda context for local runs (the console, the benchmark): what lambda/index.ts's handler receives on Lambda.
import type { Context } from 'aws-lambda';

/** Alexa waits 8 s for an answer; the context counts down from the moment it is made. */
export function localLambdaContext(functionName: string, awsRequestId: string, budgetMs = 8000): Context {
  const deadline = Date.now() + budgetMs;
  const unsupported = (): never => {
    throw new Error('a local Lambda context has no callback-style completion');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
