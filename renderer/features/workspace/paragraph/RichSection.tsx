// One rich-text section of a § (Sammanfattning, Beskrivning, …), saved as it changes.
import { memo, useRef } from 'react';
import { autosave } from '../../../api/autosave';
import { RichTextEditor, type EditorHandle } from '../../../components/editor/LazyRichTextEditor';
import type { Block } from '../../../../core/format/richtext';
import type { MeetingStore } from '../store';
import { paragraphOp } from './ops';

type Field = 'summary' | 'description' | 'body' | 'propositionOrder';

export const RichSection = memo(function RichSection({
  store,
  paragraphId,
  field,
  label,
  initial,
  help,
}: {
  store: MeetingStore;
  paragraphId: string;
  field: Field;
  label: string;
  initial: readonly Block[];
  help?: string;
}) {
  const ref = useRef<EditorHandle>(null);
  const key = `p:${paragraphId}:${field}`;
  const produce = () => {
    const blocks = ref.current?.read() ?? [];
    return paragraphOp(store, paragraphId, { [field]: blocks.length === 0 ? null : blocks });
  };
  return (
    <RichTextEditor
      ref={ref}
      id={`f-${field}`}
      label={label}
      initial={initial}
      onEdit={() => autosave.change(key, produce)}
      onBlur={() => autosave.flushKey(key)}
      {...(help === undefined ? {} : { help })}
    />
  );
});
