import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  PublicPageCache,
  cachedPageAnswer,
  cachedPageFrom,
  inlineScripts,
  isDocumentPage,
  isPrivateDocumentRequest,
  privateDocumentFrom,
  publicPageKey,
  scriptHash,
  withoutClientRuntime,
} from "@/lib/http/public-page-cache";

const sessionPage = "/termine/0b9f6f7e-2a4c-4d7e-9d6a-1c2b3a4d5e6f/anmeldung";
const html = (text: string) =>
  Buffer.from(
    `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="n1"></script></head><body>${text}` +
      `<script nonce="n1">self.__next_f.push([1,"x"])</script><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`,
  );
const withClientCode = { document: false };
const htmlHeaders = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "script-src 'nonce-n1'",
  "x-frame-options": "DENY",
  link: '</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="n1"',
};

describe("which requests share a rendered page", () => {
  it("keys the listed public pages by language, from the cookie first, then Accept-Language", () => {
    expect(publicPageKey("GET", "/", { "accept-language": "en-GB,en;q=0.9" })).toBe("en /");
    expect(publicPageKey("GET", "/", { "accept-language": "en", cookie: "locale=de" })).toBe("de /");
    expect(publicPageKey("GET", "/workshops/vielfalt", {})).toBe("de /workshops/vielfalt");
    expect(publicPageKey("GET", sessionPage, { "accept-language": "fr, en;q=0.5" })).toBe(`en ${sessionPage}`);
    // Where every received registration lands: the same page for everyone (docs/decisions/0014).
    expect(publicPageKey("GET", `${sessionPage}/eingegangen`, {})).toBe(`de ${sessionPage}/eingegangen`);
    // German and English copies of one page never share a key.
    expect(publicPageKey("GET", "/", { cookie: "locale=en" })).not.toBe(publicPageKey("GET", "/", { cookie: "locale=de" }));
  });

  it("lets everything else through to Next.js", () => {
    expect(publicPageKey("POST", sessionPage, {})).toBeNull();
    expect(publicPageKey("HEAD", "/", {})).toBeNull();
    expect(publicPageKey("GET", "/?error=1", {})).toBeNull();
    expect(publicPageKey("GET", "/r/some-private-token", {})).toBeNull();
    expect(publicPageKey("GET", "/anmelden", {})).toBeNull();
    expect(publicPageKey("GET", "/organisation", {})).toBeNull();
    expect(publicPageKey("GET", `${sessionPage}/abc`, {})).toBeNull();
    // A client-side navigation asks for the page's RSC payload, not its HTML.
    expect(publicPageKey("GET", "/", { rsc: "1" })).toBeNull();
    expect(publicPageKey("GET", "/", { "next-router-prefetch": "1" })).toBeNull();
    // Any cookie but the language: a signed-in organiser, a sign-in in progress.
    expect(publicPageKey("GET", "/", { cookie: "locale=de; next-auth.session-token=abc" })).toBeNull();
    expect(publicPageKey("GET", "/", { cookie: "next-auth.csrf-token=abc" })).toBeNull();
  });
});

describe("a rendered page turned into a shared one", () => {
  it("replaces the nonce policy with the hashes of exactly its inline scripts", () => {
    const page = cachedPageFrom(200, htmlHeaders, html("<p>Programm</p>"), 0, withClientCode)!;
    const policy = String(page.headers["content-security-policy"]);
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scripts).not.toContain("nonce");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("strict-dynamic");
    const expected = ['self.__next_f.push([1,"x"])', "(self.__next_f=self.__next_f||[]).push([0])"].map(
      (script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`,
    );
    expect(scripts).toBe(`script-src 'self' ${expected.join(" ")}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["link"]).toBe('</_next/static/chunks/a.css>; rel=preload; as="style"');
  });

  it("finds inline scripts only, not script files", () => {
    expect(inlineScripts(html("").toString())).toEqual(['self.__next_f.push([1,"x"])', "(self.__next_f=self.__next_f||[]).push([0])"]);
    expect(scriptHash("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("may be kept for back and forward but only by the visitor's own browser", () => {
    const page = cachedPageFrom(200, htmlHeaders, html(""), 0, withClientCode)!;
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(page.headers["vary"]).toBe("Cookie, Accept-Language");
  });

  it("is never made of an error, a redirect, a cookie or anything but HTML", () => {
    expect(cachedPageFrom(404, htmlHeaders, html(""), 0, withClientCode)).toBeNull();
    expect(cachedPageFrom(307, htmlHeaders, html(""), 0, withClientCode)).toBeNull();
    expect(cachedPageFrom(200, { ...htmlHeaders, "set-cookie": ["a=b"] }, html(""), 0, withClientCode)).toBeNull();
    expect(cachedPageFrom(200, { ...htmlHeaders, "content-type": "text/x-component" }, html(""), 0, withClientCode)).toBeNull();
    expect(cachedPageFrom(200, { ...htmlHeaders, "content-encoding": "gzip" }, html(""), 0, withClientCode)).toBeNull();
  });

  it("is sent compressed to browsers that ask, and as 304 when the browser has it", () => {
    const page = cachedPageFrom(200, htmlHeaders, html("<p>Hallo</p>"), 0, withClientCode)!;
    const gzip = cachedPageAnswer(page, { "accept-encoding": "gzip, br" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toContain("<p>Hallo</p>");
    const plain = cachedPageAnswer(page, {});
    expect(plain.body.toString()).toContain("<p>Hallo</p>");
    expect(plain.headers["content-length"]).toBe(plain.body.length);
    expect(cachedPageAnswer(page, { "if-none-match": page.etag }).status).toBe(304);
  });
});

describe("public pages without client code go out as plain documents", () => {
  it("are the programme, workshop, instrument, registration-form and received pages", () => {
    for (const url of ["/", "/workshops/vielfalt", "/instrumente", "/instrumente/befragung", sessionPage, `${sessionPage}/eingegangen`]) {
      expect(isDocumentPage(publicPageKey("GET", url, {})!)).toBe(true);
    }
  });

  it("keep their content and styles but lose every script and script preload", () => {
    const rendered =
      `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
      `<link rel="preload" as="script" fetchPriority="low" nonce="n1" href="/_next/static/chunks/b.js"/><link rel="modulepreload" href="/c.js"/>` +
      `<script src="/_next/static/chunks/a.js" async="" nonce="n1"></script></head><body><main><h1>Programm</h1><form method="post" action="/sprache"><button>English</button></form></main>` +
      `<script nonce="n1">self.__next_f.push([1,"<\/p>"])</script><script id="_R_">(globalThis.TURBOPACK=[])</script></body></html>`;
    const document = withoutClientRuntime(rendered);
    expect(document).not.toMatch(/<script|\.js"/i);
    expect(document).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(document).toContain('<main><h1>Programm</h1><form method="post" action="/sprache"><button>English</button></form></main>');
  });

  it("keep the form-check script, without the rendering's nonce, and allow only their own script files", () => {
    const rendered = html(
      `<form data-checks="{}"><input name="firstName"></form><script src="/form-checks.js" defer="" nonce="n1"></script>` +
        `<script src="/form-checks.js.evil"></script><script src="https://example.org/form-checks.js"></script><script nonce="n1">alert(1)</script>`,
    );
    const page = cachedPageFrom(200, htmlHeaders, rendered, 0, { document: true })!;
    expect(page.body.toString()).toBe(
      '<!DOCTYPE html><html><head></head><body><form data-checks="{}"><input name="firstName"></form><script src="/form-checks.js" defer=""></script></body></html>',
    );
    const scripts = String(page.headers["content-security-policy"])
      .split("; ")
      .find((directive) => directive.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self'");
  });

  it("forbid every script in their policy", () => {
    const page = cachedPageFrom(200, htmlHeaders, html("<p>Programm</p>"), 0, { document: true })!;
    const policy = String(page.headers["content-security-policy"]);
    expect(policy.split("; ")).toContain("script-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.body.toString()).toBe("<!DOCTYPE html><html><head></head><body><p>Programm</p></body></html>");
  });
});

describe("the sign-in pages go out as documents too, never shared", () => {
  it("are the sign-in form, its check-your-inbox page and the link page, with or without a query", () => {
    for (const url of ["/anmelden", "/anmelden?callbackUrl=%2Forganisation", "/anmelden/pruefen?email=a%40b.de", "/anmelden/link?token=x"]) {
      expect(isPrivateDocumentRequest("GET", url, { cookie: "next-auth.csrf-token=abc" }), url).toBe(true);
    }
    expect(isPrivateDocumentRequest("POST", "/anmelden", {})).toBe(false);
    expect(isPrivateDocumentRequest("POST", "/anmelden", { "content-type": "application/json" })).toBe(false);
    expect(isPrivateDocumentRequest("GET", "/anmelden", { rsc: "1" })).toBe(false);
    expect(isPrivateDocumentRequest("GET", "/anmeldenx", {})).toBe(false);
    expect(isPrivateDocumentRequest("GET", "/organisation", {})).toBe(false);
  });

  it("keep their cookie and no-store, lose their scripts, and forbid any", () => {
    const headers = { ...htmlHeaders, "set-cookie": ["next-auth.csrf-token=abc; HttpOnly"], "cache-control": "no-store" };
    const answer = privateDocumentFrom(200, headers, html("<form><input name=csrfToken></form>"));
    expect(answer.body.toString()).toBe("<!DOCTYPE html><html><head></head><body><form><input name=csrfToken></form></body></html>");
    expect(answer.headers["set-cookie"]).toEqual(["next-auth.csrf-token=abc; HttpOnly"]);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(String(answer.headers["content-security-policy"]).split("; ")).toContain("script-src 'none'");
    expect(answer.headers["content-length"]).toBe(answer.body.length);
    expect(answer.headers["link"]).toBe('</_next/static/chunks/a.css>; rel=preload; as="style"');
    // A redirect (a signed-in organiser) goes on as it came.
    const redirect = privateDocumentFrom(303, { location: "/organisation" }, Buffer.from(""));
    expect(redirect.headers).toEqual({ location: "/organisation" });
  });
});

describe("the personal pages and the form's own answers go out as documents, never shared", () => {
  const token = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0";
  const formPost = { "content-type": "multipart/form-data; boundary=----x" };

  it("are the manage pages, the confirmations, the evaluation form, the certificate check, and the form for a visitor with a cookie or a query", () => {
    for (const url of [
      `/r/${token}`,
      `/r/${token}?geaendert=1`,
      `/r/${token}/absagen`,
      `/r/${token}/wechseln`,
      `/bestaetigen/${token}`,
      `/e-mail-bestaetigen/${token}`,
      `/bewertung/${token}`,
      "/bewertung/danke",
      "/bescheinigung/pruefen?code=ABCD-EFGH",
      `${sessionPage}?x=1`,
    ]) {
      expect(isPrivateDocumentRequest("GET", url, {}), url).toBe(true);
    }
    expect(isPrivateDocumentRequest("GET", sessionPage, { cookie: "next-auth.session-token=abc" })).toBe(true);
    expect(isPrivateDocumentRequest("GET", `/r/${token}/anderes`, {})).toBe(false);
    expect(isPrivateDocumentRequest("GET", `/r/${token}`, { rsc: "1" })).toBe(false);
  });

  it("include the page a browser without JavaScript gets back when it posts a form, not a server action the runtime calls", () => {
    expect(isPrivateDocumentRequest("POST", sessionPage, formPost)).toBe(true);
    expect(isPrivateDocumentRequest("POST", `/r/${token}`, { "content-type": "application/x-www-form-urlencoded" })).toBe(true);
    expect(isPrivateDocumentRequest("POST", sessionPage, { ...formPost, "next-action": "7f00" })).toBe(false);
    expect(isPrivateDocumentRequest("POST", sessionPage, { "content-type": "text/plain" })).toBe(false);
    expect(isPrivateDocumentRequest("PUT", sessionPage, formPost)).toBe(false);
  });
});

describe("the cache's clock", () => {
  it("serves a page fresh, then only while another rendering runs, then not at all", async () => {
    let now = 0;
    const cache = new PublicPageCache(2_000, () => now);
    await cache.render("de /", Promise.resolve(cachedPageFrom(200, htmlHeaders, html(""), 0, withClientCode)));
    expect(cache.lookup("de /")?.fresh).toBe(true);
    expect(cache.lookup("en /")).toBeNull();
    now = 2_000;
    expect(cache.lookup("de /")?.fresh).toBe(false);
    now = 10_000;
    expect(cache.lookup("de /")).toBeNull();
  });

  it("shares one rendering between the requests that arrive meanwhile, and forgets everything on clear", async () => {
    const cache = new PublicPageCache(2_000, () => 0);
    let finish!: (page: ReturnType<typeof cachedPageFrom>) => void;
    const rendering = cache.render("de /", new Promise((resolve) => (finish = resolve)));
    expect(cache.renderingOf("de /")).toBe(rendering);
    finish(cachedPageFrom(200, htmlHeaders, html(""), 0, withClientCode));
    await rendering;
    expect(cache.renderingOf("de /")).toBeUndefined();
    expect(cache.lookup("de /")).not.toBeNull();
    cache.clear();
    expect(cache.lookup("de /")).toBeNull();
  });
});
