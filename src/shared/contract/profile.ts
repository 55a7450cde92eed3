import { z } from 'zod';
import { channel } from './define';
import { typedText } from './typed-text';

/**
 * Unit types that are assessed. UBND cấp huyện stopped being an assessed unit with the two-level
 * local government of 2025, so it is accepted only for years up to 2024.
 */
export const UNIT_TYPES = ['so', 'ubnd-xa', 'ubnd-huyen', 'khac'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const LAST_DISTRICT_YEAR = 2024;

const text = (max: number) => typedText(z.string().trim().min(1).max(max));
const optionalText = (max: number) => typedText(z.string().trim().max(max)).default('');

export const profileYearSchema = z.number().int().min(2015).max(2100);

export const unitProfileSchema = z
  .strictObject({
    year: profileYearSchema,
    name: text(200),
    // Used in document numbers (ký hiệu), e.g. "SNV" in "Số: …/BC-SNV".
    shortName: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[\p{Lu}0-9&]+$/u, 'Tên viết tắt chỉ gồm chữ in hoa và chữ số, không dấu cách (ví dụ: SNV).'),
    unitType: z.enum(UNIT_TYPES),
    parentBody: text(200),
    province: text(100),
    focalOfficerName: text(100),
    focalOfficerPhone: optionalText(30),
    focalOfficerEmail: optionalText(120),
    leaderName: text(100),
    leaderTitle: text(100),
    // Đơn vị soạn thảo (a phòng of the unit) as "Lưu: VT, VP." prints it; blank: the documents print "CCHC".
    draftingUnit: z
      .string()
      .trim()
      .max(20)
      .regex(/^[\p{Lu}0-9&.-]*$/u, 'Tên viết tắt đơn vị soạn thảo chỉ gồm chữ in hoa, chữ số, dấu chấm hoặc gạch nối, không dấu cách (ví dụ: VP).')
      .default(''),
  })
  .refine((p) => p.unitType !== 'ubnd-huyen' || p.year <= LAST_DISTRICT_YEAR, {
    path: ['unitType'],
    message: `UBND cấp huyện chỉ được chọn cho năm ${LAST_DISTRICT_YEAR} trở về trước (từ 2025 không còn cấp huyện).`,
  });

export type UnitProfileInput = z.input<typeof unitProfileSchema>;
export type UnitProfile = z.output<typeof unitProfileSchema> & { updatedAt: string };

export const profileChannels = {
  'profile/get': channel<UnitProfile | null>()(z.strictObject({ year: profileYearSchema })),
  'profile/latest': channel<UnitProfile | null>()(z.strictObject({})),
  'profile/years': channel<number[]>()(z.strictObject({})),
  'profile/save': channel<UnitProfile>()(z.strictObject({ profile: unitProfileSchema })),
};
