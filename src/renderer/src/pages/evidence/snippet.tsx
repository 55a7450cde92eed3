import type { SnippetPart } from '../../../../shared/contract/evidence';

/** The words found, highlighted where main says they matched (folded, so "ke hoach" marks "Kế hoạch"). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  if (parts.length === 0) return null;
  return (
    <p className="snippet">
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
