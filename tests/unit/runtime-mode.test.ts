import { describe, expect, it } from "vitest";
import { decideRuntimeMode, describeRefusal } from "@/lib/runtime/decide-runtime-mode";

const complete = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://komma@db.intern:5432/komma",
  AUTH_SECRET: "x".repeat(44),
  APP_URL: "https://anmeldung.example.org",
  SMTP_URL: "smtp://relay.intern:25",
};

describe("the setup a process runs as", () => {
  it("is the try-out outside production: no configuration needed, loopback only", () => {
    expect(decideRuntimeMode({})).toEqual({ mode: "try-out", hostname: "127.0.0.1", problems: [] });
    expect(decideRuntimeMode({ NODE_ENV: "development" }).mode).toBe("try-out");
    expect(decideRuntimeMode({ NODE_ENV: "test" }).mode).toBe("try-out");
  });

  it("is production under NODE_ENV=production, listening on every interface", () => {
    expect(decideRuntimeMode(complete)).toEqual({ mode: "production", hostname: "0.0.0.0", problems: [] });
  });

  it("is the try-out under NODE_ENV=production only when asked for explicitly", () => {
    expect(decideRuntimeMode({ NODE_ENV: "production", KOMMA_TRYOUT: "true" })).toEqual({ mode: "try-out", hostname: "127.0.0.1", problems: [] });
    expect(decideRuntimeMode({ ...complete, KOMMA_TRYOUT: "false" }).mode).toBe("production");
    expect(decideRuntimeMode({ NODE_ENV: "production", KOMMA_TRYOUT: "yes" }).problems.join()).toContain("KOMMA_TRYOUT");
  });

  it("binds where HOSTNAME says, in either setup", () => {
    expect(decideRuntimeMode({ HOSTNAME: "0.0.0.0" }).hostname).toBe("0.0.0.0");
    expect(decideRuntimeMode({ ...complete, HOSTNAME: "127.0.0.1" }).hostname).toBe("127.0.0.1");
  });
});

describe("production with an incomplete configuration", () => {
  it("lists everything missing at once instead of falling back", () => {
    const { problems } = decideRuntimeMode({ NODE_ENV: "production" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["DATABASE_URL", "AUTH_SECRET", "APP_URL", "SMTP_URL"]);
    expect(describeRefusal(decideRuntimeMode({ NODE_ENV: "production" }))).toContain("MAIL_DELIVERY=mailbox");
  });

  it("names each missing variable alone, an empty value counting as missing", () => {
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_URL"] as const) {
      const { problems } = decideRuntimeMode({ ...complete, [name]: " " });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}:`));
    }
  });

  it("accepts the built-in mailbox instead of SMTP only as an explicit choice", () => {
    const { SMTP_URL: _smtp, ...withoutSmtp } = complete;
    expect(decideRuntimeMode(withoutSmtp).problems).toHaveLength(1);
    expect(decideRuntimeMode({ ...withoutSmtp, MAIL_DELIVERY: "mailbox" }).problems).toEqual([]);
    expect(decideRuntimeMode({ ...withoutSmtp, MAIL_DELIVERY: "smtp" }).problems[0]).toMatch(/^SMTP_URL:/);
  });
});
