/**
 * Requests so malformed that Node's HTTP parser refuses them (invalid header bytes, header
 * injection, oversized headers) never reach Express; Node would answer a bare `400` with no body.
 * This answers them SNAP-shaped instead: `4000000 Bad Request` (no endpoint, so service `00`).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const BODY = JSON.stringify({ responseCode: '4000000', responseMessage: 'Bad Request' });
const RESPONSE = `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\nX-Mock-Reason: malformed HTTP request\r\nConnection: close\r\n\r\n${BODY}`;

export function answerClientErrorsAsSnap(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    socket.end(RESPONSE);
  });
}
