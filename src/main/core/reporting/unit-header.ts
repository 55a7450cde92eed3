import type { UnitProfile } from '../../../shared/contract/profile';
import { foldVietnamese, toNfc } from '../../../shared/text/vi';
import { provincePhrase, provincePlace } from '../../../shared/provinces';
import type { ReportHeader, Signer } from './document-model';

/**
 * The Decree-30 header and closing of a report from the unit profile of the year: who issues it,
 * who it goes up to, who signs. The number stays blank for the văn thư (§4.3).
 */

/** "Lâm Đồng" → "tỉnh Lâm Đồng"; "Hà Nội" → "thành phố Hà Nội" (from the province list, not from what the officer typed). */
export function provinceInText(province: string): string {
  return provincePhrase(province);
}

/** Địa danh (ô 4): the province's name without "tỉnh" / "thành phố" ("Hà Nội, ngày …"). */
export function placeName(province: string): string {
  return provincePlace(province);
}

function isHomeAffairs(profile: UnitProfile): boolean {
  return profile.unitType === 'so' && foldVietnamese(profile.name).includes('noi vu');
}

/** A báo cáo goes up to the Sở Nội vụ, or from the Sở Nội vụ itself to the UBND tỉnh (§3.1). */
export function reportRecipient(profile: UnitProfile): string {
  return isHomeAffairs(profile) ? `Ủy ban nhân dân ${provinceInText(profile.province)}` : `Sở Nội vụ ${provinceInText(profile.province)}`;
}

/**
 * Quyền hạn and chức vụ (ô 7a, §4.2): a People's Committee signs on behalf of the collective
 * (TM.); a deputy signs for the head (KT. GIÁM ĐỐC / KT. CHỦ TỊCH above PHÓ …); a head signs in
 * person with no quyền hạn line.
 */
export function signerOf(profile: UnitProfile): Signer {
  const collective = profile.unitType === 'ubnd-xa' || profile.unitType === 'ubnd-huyen';
  const title = toNfc(profile.leaderTitle.trim());
  const deputy = /^phó\s+/iu.exec(title);
  const lines = [collective ? 'TM. ỦY BAN NHÂN DÂN' : '', deputy ? `KT. ${title.slice(deputy[0].length)}` : ''].filter(Boolean);
  return { authority: lines.length ? lines.join('\n') : undefined, title, name: toNfc(profile.leaderName) };
}

function leadershipLine(profile: UnitProfile): string {
  if (profile.unitType === 'so') return 'Lãnh đạo Sở';
  if (profile.unitType === 'ubnd-xa' || profile.unitType === 'ubnd-huyen') return 'Chủ tịch, các Phó Chủ tịch UBND';
  return 'Lãnh đạo đơn vị';
}

/** What "Lưu: VT, …" names when the profile has no drafting unit yet (what the app printed before it existed). */
export const DEFAULT_DRAFTER = 'CCHC';

/** Đơn vị soạn thảo of "Lưu: VT, <…>." from the unit profile. */
export function drafterOf(profile: Pick<UnitProfile, 'draftingUnit'>): string {
  return profile.draftingUnit?.trim() || DEFAULT_DRAFTER;
}

/**
 * Nơi nhận of a báo cáo before the officer changes it (without the "Lưu" line, which the writer
 * adds): "Như trên" (the Kính gửi), the body above the unit for information ("UBND tỉnh Lâm Đồng
 * (b/c)"; the Sở Nội vụ is already "Như trên"), the unit's leaders. A body already named in the
 * Kính gửi is not listed twice.
 */
export function defaultRecipients(profile: UnitProfile): string[] {
  // "UBND tỉnh Lâm Đồng" and "Ủy ban nhân dân tỉnh Lâm Đồng" are the same body.
  const fold = (text: string) => foldVietnamese(text).replace(/\bubnd\b/g, 'uy ban nhan dan').replace(/\s+/g, ' ').trim();
  const kinhGui = fold(reportRecipient(profile));
  const parent = toNfc(profile.parentBody.trim());
  const informed = parent && fold(parent) !== kinhGui ? [`${parent} (b/c)`] : [];
  return ['Như trên', ...informed, leadershipLine(profile)];
}

export function headerFromProfile(
  profile: UnitProfile,
  options: { summary: string; isoDate: string; /** The report's own Nơi nhận (without "Lưu"); the default otherwise. */ recipients?: string[] },
): ReportHeader {
  return {
    parentBody: toNfc(profile.parentBody),
    issuer: toNfc(profile.name),
    issuerInText: toNfc(profile.name),
    unitShortName: profile.shortName,
    docTypeAbbrev: 'BC',
    place: toNfc(placeName(profile.province)),
    isoDate: options.isoDate,
    docTypeName: 'BÁO CÁO',
    summary: toNfc(options.summary),
    kinhGui: [reportRecipient(profile)],
    recipients: options.recipients ?? [leadershipLine(profile)],
    signer: signerOf(profile),
    drafter: drafterOf(profile),
  };
}
