// Renders structured rich text (core/format/richtext) as semantic HTML.
import type { Block, Inline } from '../../core/format/richtext';
import { t } from '../i18n';

export function RichText({ blocks, headingLevel = 4 }: { blocks: readonly Block[]; headingLevel?: 3 | 4 | 5 }) {
  return (
    <>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} headingLevel={headingLevel} />
      ))}
    </>
  );
}

function BlockView({ block, headingLevel }: { block: Block; headingLevel: 3 | 4 | 5 }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          {block.content.map((inline, i) => (
            <InlineView key={i} inline={inline} />
          ))}
        </p>
      );
    case 'heading': {
      const H = `h${headingLevel}` as const;
      return <H className="rt-heading">{block.text}</H>;
    }
    case 'bullets':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <RichText blocks={item} headingLevel={headingLevel} />
            </li>
          ))}
        </ul>
      );
    case 'numbered':
      return (
        <ol>
          {block.items.map((item, i) => (
            <li key={i}>
              <RichText blocks={item} headingLevel={headingLevel} />
            </li>
          ))}
        </ol>
      );
    case 'figure':
      return (
        <figure className="rt-figure">
          <span aria-hidden="true">▧</span> {t('paragraph.figure')}
          {block.caption ? `: ${block.caption}` : ''}
        </figure>
      );
    case 'confidential':
      return (
        <section className="rt-confidential" aria-label={t('paragraph.confidential', { provision: block.provision })}>
          <p className="rt-confidential-label">{t('paragraph.confidential', { provision: block.provision })}</p>
          <RichText blocks={block.blocks} headingLevel={headingLevel} />
        </section>
      );
    default: {
      const never: never = block;
      return never;
    }
  }
}

function InlineView({ inline }: { inline: Inline }) {
  let node: React.ReactNode = inline.text;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.bold) node = <strong>{node}</strong>;
  if (inline.link) {
    node = (
      <a href={inline.link} target="_blank" rel="noreferrer noopener">
        {node}
      </a>
    );
  }
  return <>{node}</>;
}
