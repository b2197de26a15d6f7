/** @jsxRuntime automatic @jsxImportSource react */
// Empty signature boxes placed at fixed positions, so that the rectangles given to the signing
// service (signatureBoxRect) are exactly where the boxes are drawn.
import { Fragment, type ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from './tagged';
import type { Signer } from '../../core/documents/types';
import { MARGIN_LEFT, SIGNATURE_BOX_HEIGHT, SIGNATURE_BOX_LEFT, SIGNATURE_BOX_WIDTH, SIGNATURE_STEP, SIGNATURE_TOP } from './layout';
import { flat } from './RichText';
import { RULE } from './styles';

/** A little heavier than the hairlines elsewhere, so the empty box is plainly visible. */
const BOX_BORDER = 0.75;

/**
 * Must be rendered as a direct child of <Page>: absolute positions are relative to the parent.
 * The parts are `fixed` because @react-pdf paginates absolute elements like flowing ones and
 * would push a box that lies in the page's bottom padding onto a new page, forever.
 */
export function SignatureSlots({ signers, top = SIGNATURE_TOP }: { signers: Signer[]; top?: number }): ReactElement {
  return (
    <>
      {signers.map((signer, i) => {
        const boxTop = top + i * SIGNATURE_STEP;
        return (
          <Fragment key={signer.field}>
            <View fixed style={{ position: 'absolute', top: boxTop, left: MARGIN_LEFT, width: SIGNATURE_BOX_LEFT - MARGIN_LEFT - 12 }}>
              <Text style={{ fontWeight: 'bold' }}>{flat(signer.role)}</Text>
              <Text>{flat(signer.name)}</Text>
            </View>
            <View
              fixed
              style={{
                position: 'absolute',
                top: boxTop,
                left: SIGNATURE_BOX_LEFT,
                width: SIGNATURE_BOX_WIDTH,
                height: SIGNATURE_BOX_HEIGHT,
                borderWidth: BOX_BORDER,
                borderColor: RULE,
              }}
            />
            <Text fixed style={{ position: 'absolute', top: boxTop + SIGNATURE_BOX_HEIGHT + 2, left: SIGNATURE_BOX_LEFT, fontSize: 7 }}>{`Underskrift: ${flat(signer.name)}`}</Text>
          </Fragment>
        );
      })}
    </>
  );
}
