import { z } from 'zod';
import { InvalidYouTubeReference, parseYouTubeReference } from '../../../../../api/story/youtube-reference';
import storySchema from '../../../../../api/story/content-types/story/schema.json';
import { CAPTION_LANGUAGES, CREDIT_CHOICES } from '../../../../../shared/submission-form';
import { LIMITS, MESSAGES as M } from './messages';
import { referralSourceOf } from './referral-source';

/**
 * One schema for a submission, whether it arrives as multipart (every value a string, repeated fields as arrays)
 * or as JSON. Values are coerced first ("on"/"true" → true, themes as list, comma list or JSON array, people as a
 * JSON string), then checked field by field and across fields, so one answer lists every problem at once.
 */

/** A file the request carried, already on disk (multipart temp file or finished resumable upload). */
export interface UploadedFile {
  path: string;
  /** The name the client gave; only shown back in messages, never stored or published. */
  name: string;
  size: number;
}

/** Personal story or project story, as the story's content type lists them. */
export const STORY_KINDS = storySchema.attributes.kind.enum as [string, ...string[]];

/** An upload id as @tus/server makes them (16 random bytes, hex), alone or at the end of its URL. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;
const UPLOAD_REFERENCE = /(?:^|\/)([0-9a-f]{32})\/?$/;

const last = (value: unknown) => (Array.isArray(value) ? value[value.length - 1] : value);

/** Trimmed text; empty means "not given". */
const cleanText = (value: unknown) => {
  const v = last(value);
  if (typeof v !== 'string') return v;
  const trimmed = v.replace(/\r\n?/g, '\n').trim();
  return trimmed === '' ? undefined : trimmed;
};

const TRUE = ['true', 'on', '1', 'yes', 'ja'];
const FALSE = ['false', 'off', '0', 'no', 'nein', ''];

const cleanBoolean = (value: unknown) => {
  const v = last(value);
  if (typeof v !== 'string') return v;
  const lower = v.trim().toLowerCase();
  if (TRUE.includes(lower)) return true;
  if (FALSE.includes(lower)) return false;
  return v;
};

const yesNo = (fallback: boolean) => z.preprocess(cleanBoolean, z.boolean({ invalid_type_error: M.yesNo }).default(fallback));

/** A box that must be ticked: anything but true (missing, "false", "off") is refused with its own message. */
const ticked = (message: string) => z.preprocess(cleanBoolean, z.literal(true, { errorMap: () => ({ message }) }));

const requiredText = (required: string, max: number, tooLong: string, min = 1, tooShort = required) =>
  z.preprocess(cleanText, z.string({ required_error: required, invalid_type_error: required }).min(min, tooShort).max(max, tooLong));

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(cleanText, z.string({ invalid_type_error: tooLong }).max(max, tooLong).optional());

/** Repeated fields, a comma list or a JSON array: all become one list of trimmed, distinct values. */
const cleanList = (value: unknown) => {
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => {
    if (typeof v !== 'string') return [v];
    const text = v.trim();
    if (text.startsWith('[')) {
      try {
        return JSON.parse(text) as unknown[];
      } catch {
        return [v];
      }
    }
    return text.split(',');
  });
  const texts = items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '' && v !== undefined && v !== null);
  return [...new Set(texts)];
};

/** A JSON string (a form field, repeated: the last one) is parsed; a JSON body's list arrives parsed already. */
const cleanJson = (value: unknown) => {
  const v = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? last(value) : value;
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

const file = z
  .custom<UploadedFile>((v) => typeof v === 'object' && v !== null && typeof (v as UploadedFile).path === 'string', { message: M.fileExpected })
  .optional();

const person = z.object({
  nameOrRole: requiredText(M.personName, LIMITS.nameOrRoleMax, M.personNameLong),
  minor: yesNo(false),
  aged14OrOver: yesNo(false),
  guardians: optionalText(LIMITS.guardiansMax, M.personGuardiansLong),
  guardianConsent: yesNo(false),
  ownConsent: yesNo(false),
  // Consent is given per channel and never assumed: a channel not ticked is a channel not agreed to.
  channelWebsite: yesNo(false),
  channelYoutube: yesNo(false),
  channelSocial: yesNo(false),
});

export type PersonInput = z.infer<typeof person>;

const youtubeVideoId = z.preprocess(cleanText, z.string().optional()).transform((value, ctx) => {
  if (value === undefined) return undefined;
  try {
    return parseYouTubeReference(value);
  } catch (error) {
    if (!(error instanceof InvalidYouTubeReference)) throw error;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.youtubeUrl });
    return z.NEVER;
  }
});

const uploadId = z.preprocess(cleanText, z.string().optional()).transform((value, ctx) => {
  if (value === undefined) return undefined;
  const id = value.match(UPLOAD_REFERENCE)?.[1];
  if (!id) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.videoUploadUnknown });
    return z.NEVER;
  }
  return id;
});

const fields = z.object({
  title: requiredText(M.titleRequired, LIMITS.titleMax, M.titleLong, LIMITS.titleMin, M.titleShort).refine((t) => !/[<>]/.test(t), M.titleBrackets),
  story: requiredText(M.storyRequired, LIMITS.storyMax, M.storyLong, LIMITS.storyMin, M.storyShort),
  name: requiredText(M.nameRequired, LIMITS.nameMax, M.nameLong),
  email: z.preprocess(cleanText, z.string({ required_error: M.email, invalid_type_error: M.email }).max(LIMITS.emailMax, M.email).email(M.email)),
  phone: z.preprocess(
    cleanText,
    z
      .string({ invalid_type_error: M.phone })
      .max(LIMITS.phoneMax, M.phone)
      .regex(/^\+?[0-9 ()/-]{4,}$/, M.phone)
      .optional()
  ),
  organisation: optionalText(LIMITS.organisationMax, M.organisationLong),
  region: requiredText(M.regionRequired, 80, M.regionRequired),
  project: optionalText(150, M.projectLong),
  themes: z.preprocess(
    cleanList,
    z
      .array(z.string({ invalid_type_error: M.themesUnreadable }).max(80, M.themesUnreadable), { invalid_type_error: M.themesUnreadable })
      .max(LIMITS.themesMax, M.themesTooMany)
  ),
  kind: z.preprocess(cleanText, z.enum(STORY_KINDS, { errorMap: () => ({ message: M.kind }) }).default('personal')),
  video: file,
  videoUpload: uploadId,
  youtubeUrl: youtubeVideoId,
  cover: file,
  captions: file,
  captionsLanguage: z.preprocess(cleanText, z.enum(CAPTION_LANGUAGES, { errorMap: () => ({ message: M.captionsLanguage }) }).default('de')),
  needsFilmingHelp: yesNo(false),
  needsEquipment: yesNo(false),
  credit: z.preprocess(cleanText, z.enum(CREDIT_CHOICES, { errorMap: () => ({ message: M.credit }) })),
  consentPeople: ticked(M.consentPeople),
  consentPrivacy: ticked(M.consentPrivacy),
  acceptTerms: ticked(M.acceptTerms),
  minorsShown: yesNo(false),
  consentGuardian: yesNo(false),
  consentMinor: yesNo(false),
  people: z.preprocess(cleanJson, z.array(person, { invalid_type_error: M.peopleUnreadable }).max(LIMITS.peopleMax, M.peopleTooMany).default([])),
  referralSource: z.unknown().transform(referralSourceOf),
});

type Fields = z.infer<typeof fields>;

/**
 * The same fields, each falling back to "not given" when it is invalid: the rules across fields run on this, so a
 * request with a bad title still hears that its minors lack their guardians' consent — every problem in one answer.
 */
const lenient = <T extends z.ZodRawShape>(shape: T) =>
  z.object(Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, (schema as z.ZodTypeAny).catch(undefined)])));

const lenientPerson = lenient(person.shape);
const lenientFields = lenient({ ...fields.shape, people: z.preprocess(cleanJson, z.array(lenientPerson)) });

export type LooseFields = { [K in keyof Fields]?: K extends 'people' ? Partial<PersonInput>[] : Fields[K] };

/** Every valid field's value, invalid ones left out: enough to look up references and check files anyway. */
export const looseSubmission = (raw: Record<string, unknown>) => lenientFields.parse(raw) as LooseFields;

export interface FieldError {
  path: (string | number)[];
  message: string;
}

function crossFieldErrors(input: LooseFields): FieldError[] {
  const errors: FieldError[] = [];
  const issue = (path: (string | number)[], message: string) => errors.push({ path, message });
  const people = input.people ?? [];
  const sources = (['video', 'videoUpload', 'youtubeUrl'] as const).filter((key) => input[key]);
  if (sources.length > 1) issue([sources[sources.length - 1]], M.oneVideoSource);
  if (input.captions && !input.video && !input.videoUpload) issue(['captions'], M.captionsWithoutVideo);
  if (input.credit === 'organisation' && !input.organisation) issue(['organisation'], M.organisationForCredit);
  if (sources.length > 0 && people.length === 0) issue(['people'], M.peopleRequired);

  const minors = people.filter((p) => p.minor);
  if (input.minorsShown && people.length > 0 && minors.length === 0) issue(['minorsShown'], M.minorsNotMarked);
  if ((input.minorsShown || minors.length > 0) && !input.consentGuardian) issue(['consentGuardian'], M.consentGuardian);
  if (minors.some((p) => p.aged14OrOver) && !input.consentMinor) issue(['consentMinor'], M.consentMinor);

  people.forEach((p, i) => {
    if (!p.channelWebsite && !p.channelYoutube && !p.channelSocial) issue(['people', i, 'channelWebsite'], M.personChannels);
    if (!p.minor) return;
    if (!p.guardians) issue(['people', i, 'guardians'], M.personGuardians);
    if (!p.guardianConsent) issue(['people', i, 'guardianConsent'], M.personGuardianConsent);
    if (p.aged14OrOver && !p.ownConsent) issue(['people', i, 'ownConsent'], M.personOwnConsent);
  });
  return errors;
}

function normalise(input: Fields) {
  return {
    ...input,
    minorsShown: input.minorsShown || input.people.some((p) => p.minor),
    // An adult's "aged 14 or over" and guardians mean nothing; keep the consent record free of contradictions.
    people: input.people.map((p) => (p.minor ? p : { ...p, aged14OrOver: false, guardians: undefined, guardianConsent: false, ownConsent: false })),
  };
}

export type SubmissionInput = ReturnType<typeof normalise>;

export type ParsedSubmission = { ok: true; input: SubmissionInput } | { ok: false; errors: FieldError[] };

/** Checks every field and every rule across fields; the errors name their field (`people.0.guardians` as a path). */
export function parseSubmission(raw: Record<string, unknown>): ParsedSubmission {
  const strict = fields.safeParse(raw);
  const errors: FieldError[] = strict.success ? [] : strict.error.issues.map((i) => ({ path: i.path, message: i.message }));
  const known = new Set(errors.map((e) => `${e.path.join('.')}|${e.message}`));
  for (const error of crossFieldErrors(looseSubmission(raw))) {
    if (!known.has(`${error.path.join('.')}|${error.message}`)) errors.push(error);
  }
  if (errors.length || !strict.success) return { ok: false, errors };
  return { ok: true, input: normalise(strict.data) };
}
