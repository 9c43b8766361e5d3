// Run as its own process by the global setup: a TCP proxy in front of the
// test database through which the app instances and the worker reach it, so
// that the readiness test can make PostgreSQL unreachable without stopping
// the machine's shared server. SIGUSR2 cuts every connection and refuses new
// ones; SIGHUP accepts them again (SIGUSR1 is Node's debugger signal). Prints its port on the first line.
import { startTcpProxy } from "../../helpers/tcp-proxy";

const target = new URL(process.argv[2] ?? "postgresql://127.0.0.1:5432");
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
console.log(JSON.stringify({ port: proxy.port }));

// While cut, the proxy has no open handle left: this keeps the process waiting for SIGHUP.
const keepAlive = setInterval(() => undefined, 60_000);
let cut = false;
process.on("SIGUSR2", () => {
  if (cut) return;
  cut = true;
  void proxy.cut().then(() => console.log("cut"));
});
process.on("SIGHUP", () => {
  if (!cut) return;
  cut = false;
  void proxy.restore().then(() => console.log("restored"));
});
process.on("SIGTERM", () => {
  clearInterval(keepAlive);
  void proxy.close().then(() => process.exit(0));
});
