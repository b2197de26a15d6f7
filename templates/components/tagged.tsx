/** @jsxRuntime automatic @jsxImportSource react */
// The logical structure of a document, for tagged PDF (screen readers, reflow, archives).
// Templates use this <Text> instead of @react-pdf's: a block of text becomes a leaf element of
// the structure (P by default, or the `tag` given: H1, TD, Lbl …), and the scopes around it name
// the containers it sits in (Sect, Table, TR, L, LI …). Scopes are React context only, never
// Views, so tagging changes no layout. Text inside <Artifact> (the page header and footer) or
// inside a LeafView is not a leaf of its own.
//
// A leaf carries its tag and its path to the root in an `id`. @react-pdf hands the id to pdfkit
// when the node has been drawn; templates/pdf/pdfkit-tagging.ts takes it there, marks what was
// drawn for the node as marked content, and records it on the page; templates/pdf/structure.ts
// builds the structure tree of the joined file from those records. Ids are made from the data's
// order (a counter per scope), never from a global counter, so the same input gives the same bytes.
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import { Text as PdfText, View } from '@react-pdf/renderer';
import { leafId } from '../pdf/leaf-id';
import { s } from './styles';

/** Leaf element types used by the templates (PDF 1.7, 14.8.4). */
export type LeafTag = 'P' | 'H1' | 'H2' | 'H3' | 'TH' | 'TD' | 'Lbl' | 'Caption';
/** Container element types: they hold leaves and other containers, never content of their own. */
export type ContainerTag = 'Sect' | 'Div' | 'Table' | 'TR' | 'L' | 'LI' | 'LBody';

interface Scope {
  /** "Sect~p20/Table~v1/TR~3": the containers from the root. */
  path: string;
  /** Leaves and sub-scopes numbered in the order they are rendered within this scope. */
  next: { n: number };
  /** Inside the page furniture or inside a leaf: no new leaves. */
  quiet: boolean;
}

const ScopeContext = createContext<Scope>({ path: '', next: { n: 0 }, quiet: false });

/** A container of the structure (Sect, Table, L …); `name` keeps it apart from its siblings, else a number is used. */
export function TagScope({ as, name, children }: { as: ContainerTag; name?: string; children: ReactNode }): ReactElement {
  const parent = useContext(ScopeContext);
  if (parent.quiet) return <>{children}</>;
  const key = name ?? `${parent.next.n++}`;
  const scope: Scope = { path: `${parent.path === '' ? '' : `${parent.path}/`}${as}~${clean(key)}`, next: { n: 0 }, quiet: false };
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** Page furniture (header, footer, frames): drawn, but not part of the content. */
export function Artifact({ children }: { children: ReactNode }): ReactElement {
  const parent = useContext(ScopeContext);
  return <ScopeContext.Provider value={{ ...parent, quiet: true }}>{children}</ScopeContext.Provider>;
}

type TextProps = React.ComponentProps<typeof PdfText> & { tag?: LeafTag; children?: ReactNode };

/** Heading levels follow the template styles, so a heading is tagged wherever it is styled as one. */
const HEADING_STYLES: [object, LeafTag][] = [
  [s.docTitle, 'H1'],
  [s.h1, 'H1'],
  [s.h2, 'H2'],
  [s.sectionHeading, 'H2'],
  [s.h3, 'H3'],
  [s.subHeading, 'H3'],
];

function tagOfStyle(style: unknown): LeafTag {
  const styles = Array.isArray(style) ? (style as unknown[]).flat(4) : [style];
  for (const [heading, tag] of HEADING_STYLES) if (styles.includes(heading)) return tag;
  return 'P';
}

/** @react-pdf's <Text>, a leaf of the structure (P, or a heading by its style) unless inside a leaf or an artifact. */
export function Text({ tag, children, ...props }: TextProps): ReactElement {
  const scope = useContext(ScopeContext);
  if (scope.quiet) return <PdfText {...props}>{children}</PdfText>;
  // Texts inside a Text are runs of its lines, never drawn as nodes of their own, so their ids
  // are never read: no quiet scope is needed below (one fewer component per block of text).
  return (
    <PdfText {...props} id={leafId(tag ?? tagOfStyle(props.style), scope.path, scope.next.n++)}>
      {children}
    </PdfText>
  );
}

type ViewProps = React.ComponentProps<typeof View> & { tag: LeafTag; children?: ReactNode };

/** A View whose texts together make one leaf (a heading of several lines, say). */
export function LeafView({ tag, children, ...props }: ViewProps): ReactElement {
  const scope = useContext(ScopeContext);
  if (scope.quiet) return <View {...props}>{children}</View>;
  const id = leafId(tag, scope.path, scope.next.n++);
  return (
    <View {...props} id={id}>
      <ScopeContext.Provider value={{ ...scope, quiet: true }}>{children}</ScopeContext.Provider>
    </View>
  );
}

/** Keys go into ids and PDF strings: plain ASCII letters, digits and - only. */
function clean(key: string): string {
  return key.replace(/[^A-Za-z0-9-]/g, '-');
}
