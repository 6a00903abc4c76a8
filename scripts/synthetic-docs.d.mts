export function generateDocs(
  root: string,
  options?: { pages?: number; portShare?: number; seed?: number },
): { files: string[]; bytes: number; portPages: number };
export function rng(seed: number): () => number;
