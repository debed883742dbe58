// A loopback HTTP server in a CHILD process: a client that blocks its own thread on a synchronous call (sync-http,
// Atomics.wait) could never be answered by a server on that thread. Tests and benchmarks say how it answers.
import { spawn } from 'node:child_process';

export interface ChildHttpServer {
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): void;
}

/**
 * `handler`: JavaScript source of a `(req, res, body) => void` function, run in the child for every request once
 * its body has been read (as a string). It may leave a request unanswered (to test timeouts).
 */
export async function startChildHttpServer(handler: string): Promise<ChildHttpServer> {
  const source = `
const handle = ${handler};
require('node:http').createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => handle(req, res, body));
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill();
    },
  };
}
