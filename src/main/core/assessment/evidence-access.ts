import { copyLinks, countLinks, linkToItems } from '../evidence';

/** What the assessment domain asks of the evidence domain (keys: itemEvidenceKey(year, code)). */
export const evidenceAccess = {
  get countLinks() {
    return countLinks;
  },
  get copyLinks() {
    return copyLinks;
  },
  get linkToItems() {
    return linkToItems;
  },
};
