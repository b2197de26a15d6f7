/** @jsxRuntime automatic @jsxImportSource react */
// Renders the rich-text model: paragraphs with bold/italic/links, sub-headings, bullet and
// numbered lists, figure captions and confidential passages (shown, marked with their OSL
// provision: the protocol itself is the unmasked original).
import type { ReactElement } from 'react';
import { Link, View } from '@react-pdf/renderer';
import { TagScope, Text } from './tagged';
import type { Block, RichText as RichTextModel } from '../../core/documents/types';
import type { Inline } from '../../core/format/richtext';
import { oslLabel } from '../../core/format/provision';
import { s } from './styles';

/**
 * Text from data on one line. A "\n" inside <Text> makes @react-pdf reach for a non-embedded
 * Helvetica, so line breaks in data become spaces; structure comes from blocks instead.
 */
export function flat(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `tight` sets paragraphs closer, for text inside list items. */
export function RichText({ blocks, tight = false }: { blocks: RichTextModel; tight?: boolean }): ReactElement {
  return (
    <View>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} tight={tight} />
      ))}
    </View>
  );
}

function BlockView({ block, tight }: { block: Block; tight: boolean }): ReactElement | null {
  switch (block.type) {
    case 'paragraph':
      return (
        <Text style={tight ? s.paraTight : s.para}>
          {block.content.map((inline, i) => (
            <InlineView key={i} inline={inline} />
          ))}
        </Text>
      );
    case 'heading':
      // Kept with the lines below it: no heading alone at the foot of a page.
      return (
        <Text style={s.subHeading} minPresenceAhead={40}>
          {flat(block.text)}
        </Text>
      );
    case 'bullets':
      return <ListView items={block.items} marker={() => '•'} numbered={false} />;
    case 'numbered':
      return <ListView items={block.items} marker={(i) => `${i + 1}.`} numbered />;
    case 'figure':
      // No images are stored yet; the caption (if any) stands in for the picture.
      return block.caption === undefined || block.caption.trim() === '' ? null : <Text style={[s.para, s.italic]}>{flat(block.caption)}</Text>;
    case 'confidential':
      return (
        <View>
          <Text style={s.confidentialLabel} minPresenceAhead={30}>
            {`Sekretess enligt ${oslLabel(block.provision)}`}
          </Text>
          <View style={s.confidentialBody}>
            <RichText blocks={block.blocks} tight={tight} />
          </View>
        </View>
      );
    default: {
      const never: never = block;
      return never;
    }
  }
}

function InlineView({ inline }: { inline: Inline }): ReactElement {
  const style = [inline.bold ? s.bold : {}, inline.italic ? s.italic : {}];
  const text = flat(inline.text);
  if (inline.link !== undefined) {
    return (
      <Link src={inline.link} style={[...style, s.link]}>
        {text}
      </Link>
    );
  }
  return <Text style={style}>{text}</Text>;
}

export function ListView({ items, marker, numbered }: { items: Block[][]; marker: (i: number) => string; numbered: boolean }): ReactElement {
  return (
    <View style={{ marginBottom: 3 }}>
      <TagScope as="L">
        {items.map((item, i) => (
          <View key={i} style={s.listItem}>
            <TagScope as="LI">
              <Text tag="Lbl" style={numbered ? s.listMarkerNumber : s.listMarker}>
                {marker(i)}
              </Text>
              <View style={s.listBody}>
                <TagScope as="LBody">
                  <RichText blocks={item} tight />
                </TagScope>
              </View>
            </TagScope>
          </View>
        ))}
      </TagScope>
    </View>
  );
}

/** A list of plain strings (Beslutsunderlag, Expedieras till). */
export function PlainList({ items }: { items: string[] }): ReactElement {
  return (
    <View style={{ marginBottom: 4 }}>
      <TagScope as="L">
        {items.map((item, i) => (
          <View key={i} style={s.listItem} wrap={false}>
            <TagScope as="LI">
              <Text tag="Lbl" style={s.listMarker}>
                •
              </Text>
              <TagScope as="LBody">
                <Text style={s.listBody}>{flat(item)}</Text>
              </TagScope>
            </TagScope>
          </View>
        ))}
      </TagScope>
    </View>
  );
}
