// A search snippet with the matched words marked (the back end marks them with \u0002…\u0003).
import { SNIPPET_END, SNIPPET_START } from '../../../core/app/workspace/types';

export function Snippet({ text }: { text: string }) {
  const parts = text.split(SNIPPET_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit = '', rest = ''] = part.split(SNIPPET_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
