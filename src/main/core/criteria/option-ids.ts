import { foldVietnamese } from '../../../shared/text/vi';

/**
 * Choice options need stable ids (answers store them), but a province filling the Excel template
 * only writes labels. The id is then derived from the label, so the same label always gives the
 * same id and reordering options does not change what a saved answer means.
 */
export function optionIdFromLabel(label: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    foldVietnamese(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36)
      .replace(/-+$/, '') || 'muc';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Ids for a whole option list, in order, each unique. */
export function optionIdsFromLabels(labels: readonly string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label) => {
    const id = optionIdFromLabel(label, taken);
    taken.add(id);
    return id;
  });
}
