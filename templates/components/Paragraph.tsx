/** @jsxRuntime automatic @jsxImportSource react */
// One § of a protocol or extract: the heading block kept together with what follows, then its
// sections (Beslut, Sammanfattning av ärendet, Beslutsunderlag, Omröstning …).
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { LeafView, TagScope, Text } from './tagged';
import type { ParagraphSection, ParagraphView, Statement } from '../../core/documents/types';
import type { LayoutShift } from './layout';
import { flat, ListView, PlainList, RichText } from './RichText';
import { s } from './styles';
import { VoteTable } from './VoteTable';

/** Points of space a heading needs below it on the same page, else it moves to the next page. */
const KEEP_WITH_NEXT = 44;
/**
 * The § heading block must keep room for the first section heading and its lines too: each
 * element is checked on its own, so a smaller value would let "Beslut" move on alone.
 */
const KEEP_PARAGRAPH_HEADING = 110;

/**
 * Returned as a fragment, and so are the sections: @react-pdf honours `minPresenceAhead` only
 * for an element with earlier siblings in the same parent, so headings must not be the first
 * child of a wrapper View or they can be left alone at the foot of a page.
 */
export function Paragraph({ paragraph, shift }: { paragraph: ParagraphView; shift?: LayoutShift }): ReactElement {
  return (
    <TagScope as="Sect" name={`p${paragraph.number}`}>
      <View wrap={false} minPresenceAhead={KEEP_PARAGRAPH_HEADING} style={{ marginTop: shift?.paragraphHeading ?? 0 }}>
        <LeafView tag="H1">
          <Text style={{ fontSize: 13, fontWeight: 'bold' }}>{paragraph.label}</Text>
          <Text style={{ fontSize: 12, fontWeight: 'bold', marginTop: 2 }}>{flat(paragraph.title)}</Text>
        </LeafView>
        {paragraph.caseNumber === undefined ? null : <Text style={{ fontSize: 9.5, marginTop: 2 }}>{flat(paragraph.caseNumber)}</Text>}
        {paragraph.confidential === undefined ? null : (
          <Text style={{ fontSize: 9, fontWeight: 'bold', marginTop: 4, borderWidth: 0.75, padding: 3, alignSelf: 'flex-start' }}>{paragraph.confidential}</Text>
        )}
      </View>
      {paragraph.presenceNotes.length === 0 ? null : (
        <View style={{ marginTop: 6, marginBottom: 2 }}>
          {paragraph.presenceNotes.map((note, i) => (
            <Text key={i} style={[s.italic, { marginBottom: 2 }]}>
              {flat(note)}
            </Text>
          ))}
        </View>
      )}
      {paragraph.sections.map((section, i) => (
        <Section key={i} section={section} />
      ))}
    </TagScope>
  );
}

function Heading({ text }: { text: string }): ReactElement {
  return (
    <Text style={s.sectionHeading} minPresenceAhead={KEEP_WITH_NEXT}>
      {text}
    </Text>
  );
}

function Section({ section }: { section: ParagraphSection }): ReactElement {
  switch (section.kind) {
    case 'decision':
      return (
        <>
          <Heading text={section.heading} />
          {section.numbered ? <ListView items={section.points} marker={(i) => `${i + 1}.`} numbered /> : section.points.map((point, i) => <RichText key={i} blocks={point} />)}
        </>
      );
    case 'text':
      return section.heading === undefined ? (
        <View style={{ marginTop: 8 }}>
          <RichText blocks={section.blocks} />
        </View>
      ) : (
        <>
          <Heading text={section.heading} />
          <RichText blocks={section.blocks} />
        </>
      );
    case 'list':
      return (
        <>
          <Heading text={section.heading} />
          <PlainList items={section.items} />
        </>
      );
    case 'statements':
      return (
        <>
          <Heading text={section.heading} />
          {section.items.map((item, i) => (
            <StatementView key={i} item={item} />
          ))}
        </>
      );
    case 'vote':
      return (
        <>
          <Heading text={section.heading} />
          <VoteTable vote={section.vote} />
        </>
      );
    default: {
      const never: never = section;
      return never;
    }
  }
}

function StatementView({ item }: { item: Statement }): ReactElement {
  return (
    <View style={{ marginBottom: 5 }}>
      <Text>{flat(item.text)}</Text>
      {item.detail === undefined ? null : <Text style={{ marginTop: 2, paddingLeft: 12 }}>{flat(item.detail)}</Text>}
    </View>
  );
}
