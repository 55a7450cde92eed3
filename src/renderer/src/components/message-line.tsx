/** A page's outcome to tell the officer: what went wrong, or what was done. */
export type Message = { kind: 'error' | 'success'; text: string };

/**
 * The one look of a page's outcome line: an error is announced at once (role alert), a success
 * politely (role status); nothing is drawn when there is nothing to say.
 */
export function MessageLine({ message }: { message: Message | null | undefined }) {
  if (!message?.text) return null;
  return (
    <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

/** An error line, or nothing when there is no error. */
export function ErrorLine({ text }: { text: string | null | undefined }) {
  return <MessageLine message={text ? { kind: 'error', text } : null} />;
}

/** A success line, or nothing when there is nothing done to report. */
export function SuccessLine({ text }: { text: string | null | undefined }) {
  return <MessageLine message={text ? { kind: 'success', text } : null} />;
}
