// Stand-in for the "server-only" guard outside the Next.js bundle.
export {};
