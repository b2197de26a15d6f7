/** @jsxRuntime automatic @jsxImportSource react */
// The last page: every required signer with an empty box; the boxes become signature fields.
import type { ReactElement } from 'react';
import { Text } from '../components/tagged';
import type { PageFooterData, PageHeaderData, SignaturePageData } from '../../core/documents/types';
import { FramedPage } from '../components/PageFrame';
import { flat } from '../components/RichText';
import { SignatureSlots } from '../components/SignatureSlots';
import type { LayoutShift } from '../components/layout';
import { s } from '../components/styles';

interface Props {
  page: SignaturePageData;
  header: PageHeaderData;
  footer: PageFooterData;
  shift?: LayoutShift;
}

export function SignaturePage({ page, header, footer, shift }: Props): ReactElement {
  return (
    <FramedPage header={header} footer={footer} {...(shift === undefined ? {} : { shift })} bookmark={page.heading}>
      <Text style={s.h1}>{page.heading}</Text>
      {page.intro.map((line, i) => (
        <Text key={i} style={s.para}>
          {flat(line)}
        </Text>
      ))}
      <SignatureSlots signers={page.signers} />
    </FramedPage>
  );
}
