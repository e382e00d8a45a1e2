import type { Bloc, MeetingCategory, MeetingFormat, MeetingScope, OrgLevel } from "../domain/settings.js";
import type { Role } from "../auth/policy.js";

/** An org unit of the demo, as the `orgs` import columns describe it. */
export type DemoOrg = {
  code: string;
  name: string;
  parentCode: string | null;
  level: OrgLevel;
  bloc: Bloc;
  validFrom: string | null;
  validTo: string | null;
  /** codes of the units it replaced (hợp nhất từ) */
  mergedFrom: string[];
};

/** One row of the document register (sổ văn bản đi). */
export type DemoDocument = {
  orgCode: string;
  number: string;
  typeCode: string;
  issuedOn: string;
  subject: string;
  legalNormative: boolean;
  secret: boolean;
  sentElectronically: boolean;
  digitized: boolean;
  signer: string;
};

/** One conference (hội nghị); `sessions` is the half-day count (buổi). */
export type DemoMeeting = {
  orgCode: string;
  title: string;
  category: MeetingCategory;
  scope: MeetingScope;
  format: MeetingFormat;
  start: Date;
  end: Date;
  sessions: number;
  openingMin: number | null;
  conclusionMin: number | null;
  maxContributionMin: number | null;
  exceptionDecision: string | null;
  communeParticipants: boolean | null;
};

/** TTHC statistics of one unit for one month ("YYYY-MM-01"). */
export type DemoTthc = { orgCode: string; month: string; received: number; processedDigitally: number };

/** A demo account; the password is in clear so that the README can list it. */
export type DemoAccount = { username: string; password: string; fullName: string; role: Role; orgCode: string; description: string };

/** The whole demo province as plain rows. */
export type DemoProvince = {
  orgs: DemoOrg[];
  documents: DemoDocument[];
  meetings: DemoMeeting[];
  tthc: DemoTthc[];
  users: DemoAccount[];
  /** each unit's head (who signs and sends its reports) and the issuer part of its numbers */
  heads: DemoHead[];
};

export type DemoHead = { orgCode: string; name: string; issuer: string; party: boolean };

/** What kind of body a unit is: decides its numbering, volumes and vocabulary. */
export type UnitKind = "province" | "department" | "party" | "party_department" | "front" | "commune" | "office";

/** A unit together with what the generator needs to make its registers. */
export type UnitProfile = {
  org: DemoOrg;
  kind: UnitKind;
  /** State numbers `15/QĐ-UBND`, `426/UBND-VP`; Party numbers `63-KH/TU` (Nghị định 30; HD 36-HD/VPTW) */
  numbering: { style: "state"; issuer: string; drafting: readonly string[] } | { style: "party"; issuer: string };
  /** documents issued in 2025 at the yearly rate (before validity dates cut the year) */
  docsPerYear: number;
  /** 2026 volume as a share of 2025 (0.8 = a 20 % cut) */
  docRatio: number;
  meetingsPerYear: number;
  meetingRatio: number;
  /** TTHC files received per month; 0 when the unit handles none */
  tthcPerMonth: number;
  topics: readonly string[];
  signers: readonly string[];
};
