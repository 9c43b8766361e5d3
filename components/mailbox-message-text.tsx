// The plain-text version of an email with its web addresses clickable, so
// that someone trying the app can follow a confirmation link from the
// built-in mailbox (the HTML version is sandboxed and cannot open links).
const webAddress = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

export function MailboxMessageText({ text }: { text: string }) {
  const parts = text.split(webAddress);
  return (
    <pre className="mailbox-text">
      {parts.map((part, index) =>
        // split() with a capturing group puts the matches at the odd indexes.
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
