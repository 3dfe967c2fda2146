import type { ImageRefusal } from '../../shared/image-check';
import { studioDictionary, type StudioMessageKey } from './i18n-studio';
import { translator, type Messages, type Translate } from './i18n';

/** The studio's images and its Organizations page (S32). Keys never repeat the studio's or the base dictionary's. */
const imagesMessages = {
  imageChoose: { fa: 'انتخاب تصویر…', en: 'Choose an image…' },
  imageReplace: { fa: 'تصویر دیگر…', en: 'Another image…' },
  imageRemove: { fa: 'برداشتن تصویر', en: 'Remove the image' },
  imageUploading: { fa: 'در حال بارگذاری تصویر…', en: 'Uploading the image…' },
  imageUploaded: { fa: 'تصویر بارگذاری شد ({width}×{height})', en: 'Image uploaded ({width}×{height})' },
  imageRemoved: { fa: 'تصویر برداشته شد', en: 'Image removed' },
  imageNone: { fa: 'بدون تصویر', en: 'No image' },
  imageRules: { fa: 'PNG، JPEG یا WebP؛ حداکثر {megabytes} مگابایت و {side} پیکسل در هر ضلع. SVG پذیرفته نمی‌شود.', en: 'PNG, JPEG or WebP; at most {megabytes} MB and {side} pixels a side. SVG is not taken.' },
  imageRefusedEmpty: { fa: 'این پرونده خالی است.', en: 'This file is empty.' },
  imageRefusedTooManyBytes: { fa: 'این تصویر بیش از {megabytes} مگابایت است.', en: 'This image is larger than {megabytes} MB.' },
  imageRefusedNotAnImage: { fa: 'این پرونده تصویر PNG، JPEG یا WebP نیست.', en: 'This file is not a PNG, JPEG or WebP image.' },
  imageRefusedSvg: { fa: 'تصویر SVG (یا هر پروندهٔ متنی) پذیرفته نمی‌شود؛ PNG، JPEG یا WebP بفرستید.', en: 'SVG (or any text file) is not taken; send PNG, JPEG or WebP.' },
  imageRefusedTypeMismatch: { fa: 'نوع این پرونده با محتوای آن نمی‌خواند؛ آن را دوباره با نوع درست ذخیره کنید.', en: 'This file’s type does not match its content; save it again as the right type.' },
  imageRefusedBroken: { fa: 'این تصویر ناقص یا خراب است.', en: 'This image is broken or cut short.' },
  imageRefusedTooLarge: { fa: 'ابعاد این تصویر {width}×{height} پیکسل است؛ هر ضلع حداکثر {side} پیکسل.', en: 'This image is {width}×{height} pixels; each side may be at most {side}.' },
  imageRefusedServer: { fa: 'تصویر پذیرفته نشد: {reason}', en: 'The image was not taken: {reason}' },
  organizationsHeading: { fa: 'سازمان‌های شرکت‌کننده', en: 'Participating organizations' },
  organizationsNone: { fa: 'هنوز سازمانی افزوده نشده است.', en: 'No organization yet.' },
  organizationsHint: {
    fa: 'برندگان و نامزدها با شناسهٔ سازمان به آن اشاره می‌کنند؛ نشان سازمان هنگام اعلام نتیجه روی صفحه‌ها دیده می‌شود.',
    en: 'Recipients refer to an organization by its id; its logo is shown on the screens when they are revealed.',
  },
  organizationAdd: { fa: 'افزودن سازمان', en: 'Add an organization' },
  organizationRemove: { fa: 'حذف این سازمان', en: 'Remove this organization' },
  organizationNumber: { fa: 'سازمان {n}', en: 'Organization {n}' },
  organizationId: { fa: 'شناسه', en: 'Id' },
  organizationIdHint: { fa: 'حروف کوچک لاتین، رقم و خط تیره؛ مثلاً ministry-of-health', en: 'Lowercase letters, digits and dashes, e.g. ministry-of-health' },
  organizationName: { fa: 'نام', en: 'Name' },
  organizationLogo: { fa: 'نشان (لوگو)', en: 'Logo' },
  organizationUsedBy: { fa: '{count} برنده یا نامزد به این سازمان اشاره می‌کنند.', en: 'Recipients that refer to this organization: {count}.' },
  organizationRemoveUsed: {
    fa: '{count} برنده یا نامزد به «{name}» اشاره می‌کنند. با حذف آن، پیش‌نویس تا اصلاح آن اشاره‌ها ایراد خواهد داشت. حذف شود؟',
    en: 'Recipients that refer to “{name}”: {count}. Removing it leaves the draft with problems until they are changed. Remove it?',
  },
  organizationAdded: { fa: 'سازمان {n} افزوده شد', en: 'Organization {n} added' },
  organizationRemoved: { fa: 'سازمان حذف شد', en: 'Organization removed' },
  recipientPhoto: { fa: 'عکس', en: 'Photo' },
} as const satisfies Messages & Partial<Record<StudioMessageKey, never>>;

export const imagesDictionary = { ...studioDictionary, ...imagesMessages };
export type ImagesMessageKey = keyof typeof imagesDictionary;

export const t: Translate<typeof imagesDictionary> = translator(imagesDictionary);

/** The message key of each refusal of the image check. */
export const refusalKeys: Record<ImageRefusal, ImagesMessageKey> = {
  empty: 'imageRefusedEmpty',
  too_many_bytes: 'imageRefusedTooManyBytes',
  not_an_image: 'imageRefusedNotAnImage',
  svg: 'imageRefusedSvg',
  type_mismatch: 'imageRefusedTypeMismatch',
  broken: 'imageRefusedBroken',
  too_large: 'imageRefusedTooLarge',
};
