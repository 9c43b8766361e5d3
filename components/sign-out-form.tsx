/** Posts to next-auth's sign-out with its CSRF token; works without JavaScript. */
export function SignOutForm({ csrfToken, label, className = "button" }: { csrfToken: string; label: string; className?: string }) {
  return (
    <form method="post" action="/api/auth/signout" className="sign-out-form">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/abmelden" />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
