import type { Server } from 'node:http';

/**
 * Stops accepting connections and waits for in-flight requests to finish (idle keep-alive connections are
 * closed at once); after `timeoutMs` the remaining connections are cut.
 */
export function drainHttpServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
