import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node.js';

/**
 * Requests the server refuses by where it is in its life, as LSP says: any before `initialize` (-32002),
 * `initialize` a second time and any after `shutdown` (-32600, invalid request). A refused request is
 * passed on under a method of its own, whose handler answers the error.
 */
const refusals = {
  notInitialized: { method: 'reportWriter/$refused/notInitialized', code: ErrorCodes.ServerNotInitialized, message: 'The server is not initialized yet: send initialize first.' },
  initialized: { method: 'reportWriter/$refused/initialized', code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' },
  shutDown: { method: 'reportWriter/$refused/shutDown', code: ErrorCodes.InvalidRequest, message: 'The server is shutting down: only exit is accepted.' },
};

/** The message strategy to create the connection with, and the handlers that answer what it refuses. */
export function createLifecycle(): { strategy: MessageStrategy; register(connection: Connection): void } {
  let state: 'new' | 'running' | 'shut down' = 'new';
  const strategy: MessageStrategy = {
    handleMessage(message, next) {
      if (!Message.isRequest(message)) return next(message);
      const { method } = message;
      const refusal =
        state === 'new' ? (method === 'initialize' ? undefined : refusals.notInitialized)
        : method === 'initialize' ? refusals.initialized
        : state === 'shut down' ? refusals.shutDown
        : undefined;
      if (!refusal && method === 'initialize') state = 'running';
      if (!refusal && method === 'shutdown') state = 'shut down';
      next(refusal ? ({ ...message, method: refusal.method } as RequestMessage) : message);
    },
  };
  return {
    strategy,
    register(connection) {
      for (const { method, code, message } of Object.values(refusals)) {
        connection.onRequest(method, () => {
          throw new ResponseError(code, message);
        });
      }
    },
  };
}
