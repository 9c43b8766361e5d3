// nginx for the suite: deploy/nginx/komma-anmeldung.conf itself, with only
// the host name, ports and file paths swapped. Every swap must find its text,
// so a change to the shipped site that the suite no longer covers fails here.
import { readFileSync, writeFileSync } from "node:fs";
import { APP_PORTS, HOST, HTTP_PORT, HTTPS_PORT, WORK_DIR } from "./deployment";

export const SHIPPED_SITE = "deploy/nginx/komma-anmeldung.conf";

export function writeNginxConfig(paths: { certificate: string; key: string }): string {
  const replacements: [string | RegExp, string][] = [
    // The redirect target carries the test's https port.
    ["https://anmeldung.example.org$request_uri", `https://${HOST}:${HTTPS_PORT}$request_uri`],
    [/server_name anmeldung\.example\.org;/g, `server_name ${HOST};`],
    ["listen 80;", `listen 127.0.0.1:${HTTP_PORT};`],
    ["listen [::]:80;", ""],
    ["listen 443 ssl http2;", `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`],
    ["listen [::]:443 ssl http2;", ""],
    ["server 127.0.0.1:3001 ", `server 127.0.0.1:${APP_PORTS[0]} `],
    ["server 127.0.0.1:3002 ", `server 127.0.0.1:${APP_PORTS[1]} `],
    ["/etc/ssl/komma-anmeldung/fullchain.pem", paths.certificate],
    ["/etc/ssl/komma-anmeldung/privkey.pem", paths.key],
    [/\/var\/log\/nginx\//g, `${WORK_DIR}/`],
    ["root /var/www/acme;", `root ${WORK_DIR}/acme;`],
  ];
  let site = readFileSync(SHIPPED_SITE, "utf8");
  for (const [from, to] of replacements) {
    const found = typeof from === "string" ? site.includes(from) : site.search(from) !== -1;
    if (!found) throw new Error(`${SHIPPED_SITE} no longer contains ${String(from)}: update tests/e2e-production/support/nginx-config.ts with it`);
    site = typeof from === "string" ? site.replace(from, to) : site.replace(new RegExp(from.source, "g"), to);
  }
  if (site.split("\n").some((line) => !line.trim().startsWith("#") && line.includes("example.org")))
    throw new Error(`${SHIPPED_SITE}: a host name the suite does not replace is left`);
  writeFileSync(`${WORK_DIR}/komma-anmeldung.conf`, site);

  // The frame of Debian's /etc/nginx/nginx.conf around the site, with this run's paths.
  const main = `
worker_processes 1;
pid ${WORK_DIR}/nginx.pid;
error_log ${WORK_DIR}/nginx-error.log warn;
events { worker_connections 512; }
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${WORK_DIR}/nginx-access.log;
    client_body_temp_path ${WORK_DIR}/nginx-temp/body;
    proxy_temp_path ${WORK_DIR}/nginx-temp/proxy;
    fastcgi_temp_path ${WORK_DIR}/nginx-temp/fastcgi;
    uwsgi_temp_path ${WORK_DIR}/nginx-temp/uwsgi;
    scgi_temp_path ${WORK_DIR}/nginx-temp/scgi;
    include ${WORK_DIR}/komma-anmeldung.conf;
}
`;
  const file = `${WORK_DIR}/nginx.conf`;
  writeFileSync(file, main);
  return file;
}
