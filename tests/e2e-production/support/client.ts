// Requests from outside, the way a client on the network makes them: over
// TLS to anmeldung.komma.test (resolved to this machine), checking the
// certificate against the one the setup made, or plain HTTP to a port.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { readFileSync } from "node:fs";
import { HOST, HTTPS_PORT, readState } from "./deployment";

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
export type Request = { method?: string; headers?: Record<string, string>; body?: string };

let certificate: string | undefined;

/** Through nginx, as a browser would reach https://anmeldung.komma.test:8443. */
export function viaNginx(path: string, options: Request = {}): Promise<Answer> {
  certificate ??= readFileSync(readState().certificate, "utf8");
  return send(
    httpsRequest({
      host: "127.0.0.1",
      port: HTTPS_PORT,
      servername: HOST,
      ca: certificate,
      path,
      method: options.method ?? "GET",
      headers: { host: `${HOST}:${HTTPS_PORT}`, ...options.headers },
      agent: false,
    }),
    options.body,
  );
}

/** Plain HTTP to a port on this machine (an app instance, or nginx's port 80). */
export function direct(port: number, path: string, options: Request = {}): Promise<Answer> {
  return send(httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers, agent: false }), options.body);
}

function send(request: ReturnType<typeof httpRequest>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.setTimeout(30_000, () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.end(body);
  });
}
