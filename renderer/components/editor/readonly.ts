// Whether the editors below may change anything (a § locked for justering may not).
import { createContext, useContext } from 'react';

export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
