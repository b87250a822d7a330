// When two addresses look the same. Unicode's answer (UTS 39, "Confusable
// Detection") is the skeleton: map every character to the prototype it is
// confusable with, and compare. `аdmin@x.y` (Cyrillic а) and `admin@x.y` share
// the skeleton `adrnin@x.y`; so do `bob1@` and `bobl@`, and `rn` and `m`. A
// skeleton is only ever compared, never shown or sent anywhere.
import unhomoglyph from 'unhomoglyph';

const ignorable = /\p{Default_Ignorable_Code_Point}/gu;
// UTS 39 §5.4: a dot above a soft-dotted letter (i + U+0307, what `İ` lower-cases
// to) draws the letter as it already is, so the skeleton drops it.
const dotOnSoftDotted = /(\p{Soft_Dotted})\u0307/gu;

/**
 * skeleton(X) = NFD(prototypes(NFD(X) without default-ignorables)), with the
 * prototypes of Unicode's confusables.txt (the `unhomoglyph` package's table).
 */
export const emailSkeleton = (address: string): string =>
  unhomoglyph(address.normalize('NFD').replace(ignorable, '').replace(dotOnSoftDotted, '$1')).normalize('NFD');
