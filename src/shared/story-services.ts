import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';

/**
 * The shapes of the stories plugin's services that other plugins use (`strapi.plugin('stories').service(name)`):
 * Strapi types every service as `any`, so a caller annotates what it takes with these. Types only; the logic stays
 * in src/plugins/stories.
 */

type Context = Parameters<Core.MiddlewareHandler>[0];

export type CorsOrigins = '*' | string[];

export type PageOptions = {
  /** The page's own title; the document title becomes "<title> – ZUSAMMEN. MEHR.". */
  title: string;
  lang?: 'de';
  /** Trusted HTML of the main content: callers escape every dynamic value with escapeHtml. */
  main: string;
  /** Trusted HTML appended to <head> (e.g. a <meta name="robots"> or a page-specific stylesheet link). */
  head?: string;
  /** Script URLs, loaded with `defer` in this order. */
  scripts?: string[];
};

/** A read-only file answered with an ETag and gzip, read once per process. */
export interface StaticFile {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  type: string;
}

/** The public site's shell and addresses: service('site'). */
export interface SiteService {
  /** The office's address from the call for participation, named on the public pages unless OFFICE_EMAIL is set. */
  officeEmail: string;
  /** German names of the languages a story's video may have, by code. */
  languageNames: Record<string, string>;
  /** Escapes any value for HTML element content and quoted attribute values (null and undefined become ''). */
  escapeHtml(value: unknown): string;
  /** A whole public page: the alliance's header, the main content, the footer with the legal links. */
  renderPage(options: PageOptions): string;
  /** PUBLIC_URL, the site's address. */
  publicUrl(): string;
  /** A stored rich-text body as safe HTML, relative links made absolute. */
  blocksToHtml(body: unknown): string;
  /** A stored rich-text body as plain text. */
  blocksToText(body: unknown): string;
  /** A site-relative address made absolute with PUBLIC_URL. */
  absoluteUrl(url: string): string;
  loadStaticFile(file: string, type: string): StaticFile;
  sendStaticFile(ctx: Context, file: StaticFile, cacheControl: string): void;
}

/** The private bucket when files are kept in an object store. */
export interface PrivateBucket {
  name: string;
  /** Options for an S3 client of this bucket's store (region, endpoint, credentials, path style). */
  clientConfig: S3ClientConfig;
  /** Copies an object to a file on this machine that appears complete or not at all. */
  download(key: string, target: string): Promise<void>;
}

/** Where the media library table links a file to what uses it (the upload plugin's morph table). */
export interface FileLinkTable {
  table: string;
  file: string;
  relatedId: string;
  relatedType: string;
  field: string;
  order: string;
}

/** Media of stories that are not public: service('media'). */
export interface MediaService {
  /** Runs an upload through the media library whose files are stored privately (not reachable without a signed link). */
  uploadPrivately<T>(work: () => Promise<T>): Promise<T>;
  /** A link to a media file that works for a while without a login (private files) or the file's own URL. */
  signedUrl(url: string): string;
  /** Re-places every file of the story after its consent changed below the Document Service (after the commit). */
  storyVisibilityChanged(documentId: string): Promise<void>;
  /** The private and the public folder when files are kept on this machine's disk; null for an object store. */
  localDirectories(): string[] | null;
  privateBucket(): PrivateBucket | null;
  fileLinks(): FileLinkTable;
  /** Where a media library file's bytes are on this machine (downloaded from its bucket if need be); null when missing. */
  fileOnDisk(url: string): Promise<string | null>;
}

/** What the public may see of a story: service('visibility'). */
export interface VisibilityService {
  isVisible(documentId: string): Promise<boolean>;
  /**
   * Runs a consent change written below the Document Service with the same bookkeeping as a change through it: a
   * removal for partners when the story stops being visible, and a new cache generation.
   */
  consentChanged(documentId: string, change: () => Promise<void>): Promise<void>;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

/** The public API's front: its headers and rate limits, for other APIs at /api/v1: service('front'). */
export interface FrontService {
  /** The public API's CORS and security headers, replacing what Strapi's middlewares set for the admin. */
  preparePublicHeaders(ctx: Context): void;
  corsOrigins(): CorsOrigins;
  /** Counts one request of `client` against `points` per window (a minute unless given), shared by all instances. */
  consume(client: string, points: number, windowSeconds?: number): Promise<RateDecision>;
}
