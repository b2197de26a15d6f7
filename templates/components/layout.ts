// Page geometry in PDF points (1/72 inch). The signature boxes are placed absolutely from these
// numbers, so the rectangles handed to the signing service are computed, not measured.

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;

export const MARGIN_LEFT = 62;
export const MARGIN_RIGHT = 48;
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

export const HEADER_TOP = 30;
/** Where the flowing content starts, below the two header lines and their rule. */
export const CONTENT_TOP = 96;

export const FOOTER_BOTTOM = 26;
export const FOOTER_HEIGHT = 36;
/** Space kept free at the foot of a page with footer boxes. */
export const CONTENT_BOTTOM = FOOTER_BOTTOM + FOOTER_HEIGHT + 18;
/** Pages without footer boxes (kallelse, tillkännagivande). */
export const CONTENT_BOTTOM_PLAIN = 56;

/** Width of the left label column ("Plats och tid", "Justerare" …). */
export const LABEL_WIDTH = 150;

/** Signature page: one slot per signer, the empty box to the right of role and name. */
export const SIGNATURE_TOP = 250;
export const SIGNATURE_STEP = 96;
export const SIGNATURE_BOX_LEFT = MARGIN_LEFT + 210;
export const SIGNATURE_BOX_WIDTH = CONTENT_WIDTH - 210;
export const SIGNATURE_BOX_HEIGHT = 70;

/** Where the pages of an attached PDF are drawn on their placeholder pages. */
export const ATTACHMENT_AREA_TOP = CONTENT_TOP + 44;

export type Rect = [number, number, number, number];

/** The box of signer `index` on a signature page, as [x1, y1, x2, y2] in PDF user space (y up). */
export function signatureBoxRect(index: number, top: number = SIGNATURE_TOP): Rect {
  const boxTop = top + index * SIGNATURE_STEP;
  const y2 = PAGE_HEIGHT - boxTop;
  return [SIGNATURE_BOX_LEFT, round(y2 - SIGNATURE_BOX_HEIGHT), SIGNATURE_BOX_LEFT + SIGNATURE_BOX_WIDTH, round(y2)].map(round) as Rect;
}

/** The area, in PDF user space, that an attached PDF page is scaled into. */
export function attachmentArea(): { x: number; y: number; width: number; height: number } {
  const bottom = CONTENT_BOTTOM;
  const height = PAGE_HEIGHT - ATTACHMENT_AREA_TOP - bottom;
  return { x: MARGIN_LEFT, y: bottom, width: CONTENT_WIDTH, height };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Deliberate displacements (points) of parts of the layout. Only the golden-image tests use
 * them, to prove that the comparison notices when a part of the page moves.
 */
export interface LayoutShift {
  header?: number;
  footer?: number;
  attendance?: number;
  paragraphHeading?: number;
}

/** The tillkännagivande's attestation box sits low on its single page. */
export const NOTICE_SIGNATURE_TOP = 680;
