// The demo province: a fictional but plausible Tuyên Quang after the 2025 reorganisation
// (no district level; departments under their post-2025 names; communes and wards).
import { foldDiacritics } from "../domain/text.js";
import { COMMON_TOPICS, personName, UNIT_TOPICS } from "./demo-vocabulary.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoOrg, UnitKind, UnitProfile } from "./demo.types.js";

/** Code of the demo province's root unit. */
export const PROVINCE_CODE = "TQ";
/** Code of the provincial Party committee (Tỉnh ủy). */
export const PARTY_CODE = "TU_TQ";
/** The commune formed on 2025-07-01 by merging three former communes. */
export const MERGED_COMMUNE = { code: "X_KIEN_THIET", name: "Xã Kiến Thiết", from: [["X_KIEN_THIET_CU", "Xã Kiến Thiết (cũ)"], ["X_DAO_VIEN", "Xã Đạo Viện"], ["X_CONG_DA", "Xã Công Đa"]] } as const;
/** The merger's effective day and the former communes' last day. */
export const MERGE_DAY = "2025-07-01";
const LAST_DAY_BEFORE_MERGE = "2025-06-30";

/** Departments (sở, ban, ngành): code, name, issuer in numbers, drafting units of công văn. */
const DEPARTMENTS: ReadonlyArray<[string, string, string, readonly string[], boolean]> = [
  ["SNV", "Sở Nội vụ", "SNV", ["VP", "TCBC", "CCVC", "CCHC", "TĐKT"], true],
  ["STC", "Sở Tài chính", "STC", ["VP", "QLNS", "ĐT", "TCDN"], true],
  ["SXD", "Sở Xây dựng", "SXD", ["VP", "QLXD", "QHKT", "QLGT"], true],
  ["SNNMT", "Sở Nông nghiệp và Môi trường", "SNNMT", ["VP", "QLĐĐ", "MT", "TTBVTV", "TL"], true],
  ["SYT", "Sở Y tế", "SYT", ["VP", "NVY", "NVD", "KHTC"], true],
  ["SGDDT", "Sở Giáo dục và Đào tạo", "SGDĐT", ["VP", "GDPT", "GDMN", "TCCB"], true],
  ["SKHCN", "Sở Khoa học và Công nghệ", "SKHCN", ["VP", "QLKH", "CĐS", "BCVT"], true],
  ["SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", ["VP", "QLVH", "QLDL", "TDTT"], true],
  ["SCT", "Sở Công Thương", "SCT", ["VP", "QLCN", "QLTM", "QLNL"], true],
  ["STP", "Sở Tư pháp", "STP", ["VP", "XDKTVB", "HCTP", "BTTP"], true],
  ["SDTTG", "Sở Dân tộc và Tôn giáo", "SDTTG", ["VP", "CSDT", "TG"], true],
  ["TTT", "Thanh tra tỉnh", "TTr", ["VP", "NV1", "NV2"], false],
  ["VPUBND", "Văn phòng Ủy ban nhân dân tỉnh", "VPUBND", ["TH", "KT", "KGVX", "NC", "HCTC"], false],
];

/** Party departments under the Tỉnh ủy: code, name, issuer. */
const PARTY_DEPARTMENTS: ReadonlyArray<[string, string, string]> = [
  ["BTC_TU", "Ban Tổ chức Tỉnh ủy", "BTCTU"],
  ["BTGDV_TU", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU"],
  ["VP_TU", "Văn phòng Tỉnh ủy", "VPTU"],
  ["UBKT_TU", "Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"],
];

/** Communes and wards (xã, phường) besides the merged one. */
const COMMUNES: readonly string[] = [
  "Phường Minh Xuân", "Phường Nông Tiến", "Phường An Tường", "Phường Bình Thuận", "Phường Mỹ Lâm",
  "Phường Hà Giang 1", "Phường Hà Giang 2", "Xã Tân Trào", "Xã Sơn Dương", "Xã Hàm Yên",
  "Xã Chiêm Hóa", "Xã Na Hang", "Xã Lâm Bình", "Xã Yên Sơn", "Xã Thái Bình", "Xã Trung Sơn",
  "Xã Hồng Thái", "Xã Đông Thọ", "Xã Kim Bình", "Xã Bạch Xa", "Xã Yên Nguyên", "Xã Minh Quang",
  "Xã Đồng Văn", "Xã Mèo Vạc",
];

/** Syllables for extra commune names when the bench asks for more units than the list holds. */
const NAME_FIRST = ["Tân", "Phú", "Hòa", "Minh", "Yên", "Kim", "Trung", "Thượng", "Hạ", "Đồng", "Bình", "Vĩnh", "Thanh", "Hồng", "Lũng", "Xuân", "Phúc", "Ngọc", "Quang", "Hùng"];
const NAME_SECOND = ["Lập", "Sơn", "Thành", "Tiến", "Phong", "Lợi", "Hà", "An", "Lâm", "Long", "Hưng", "Khê", "Thịnh", "Trường", "Hải", "Đức", "Cú", "Pìn", "Vân", "Mậu"];

/** Offices of every commune (level office): suffix of the code, name, drafting unit in numbers. */
const COMMUNE_OFFICES: ReadonlyArray<[string, string]> = [
  ["VP", "Văn phòng HĐND và UBND"],
  ["KT", "Phòng Kinh tế"],
  ["VHXH", "Phòng Văn hóa - Xã hội"],
];

/** "Xã Tân Trào" → "X_TAN_TRAO"; "Phường Hà Giang 1" → "P_HA_GIANG_1". */
export function communeCode(name: string): string {
  const folded = foldDiacritics(name).toUpperCase().replace(/[^A-Z0-9 ]/g, "");
  const [kind, ...rest] = folded.split(" ");
  return `${kind === "PHUONG" ? "P" : "X"}_${rest.join("_")}`;
}

/** Yearly volumes by kind of unit: documents, conferences, TTHC files a month. */
const VOLUMES: Record<UnitKind, { docs: [number, number]; meetings: [number, number]; tthc: [number, number] }> = {
  province: { docs: [6500, 7500], meetings: [90, 120], tthc: [0, 0] },
  department: { docs: [3000, 6500], meetings: [60, 120], tthc: [60, 500] },
  party: { docs: [2200, 3000], meetings: [60, 100], tthc: [0, 0] },
  party_department: { docs: [900, 1800], meetings: [40, 70], tthc: [0, 0] },
  front: { docs: [1200, 2000], meetings: [40, 80], tthc: [0, 0] },
  commune: { docs: [1500, 2800], meetings: [40, 90], tthc: [120, 500] },
  office: { docs: [0, 0], meetings: [0, 0], tthc: [0, 0] },
};

type Options = { extraCommunes: number; withOffices: boolean };

/** The province's units with their profiles: volumes, 2026 cut, numbering, vocabulary. */
export function buildProvinceUnits(rng: SeededRandom, options: Options = { extraCommunes: 0, withOffices: true }): UnitProfile[] {
  const units: UnitProfile[] = [];
  const add = (org: Omit<DemoOrg, "validFrom" | "validTo" | "mergedFrom"> & Partial<DemoOrg>, kind: UnitKind, numbering: UnitProfile["numbering"], topicsKey: string, hasTthc = true) => {
    const r = rng.fork(org.code);
    const v = VOLUMES[kind];
    // most units meet the 15 % / 10 % cuts in 2026, about a quarter do not
    const meetsDocs = r.chance(0.75);
    const meetsMeetings = r.chance(0.75);
    units.push({
      org: { validFrom: null, validTo: null, mergedFrom: [], ...org },
      kind,
      numbering,
      docsPerYear: r.int(v.docs[0], v.docs[1]),
      docRatio: meetsDocs ? r.between(0.76, 0.845) : r.between(0.86, 0.95),
      meetingsPerYear: r.int(v.meetings[0], v.meetings[1]),
      meetingRatio: meetsMeetings ? r.between(0.72, 0.88) : r.between(0.92, 1.02),
      tthcPerMonth: hasTthc ? r.int(v.tthc[0], v.tthc[1]) : 0,
      topics: UNIT_TOPICS[topicsKey] ?? COMMON_TOPICS,
      signers: [personName(r), personName(r), personName(r)],
    });
  };

  add({ code: PROVINCE_CODE, name: "Tỉnh Tuyên Quang", parentCode: null, level: "province", bloc: "state" }, "province", { style: "state", issuer: "UBND", drafting: ["TH", "KT", "KGVX", "NC", "NLN", "XD"] }, "province");
  add({ code: PARTY_CODE, name: "Tỉnh ủy Tuyên Quang", parentCode: PROVINCE_CODE, level: "province", bloc: "party" }, "party", { style: "party", issuer: "TU" }, "party");
  for (const [code, name, issuer] of PARTY_DEPARTMENTS) {
    add({ code, name, parentCode: PARTY_CODE, level: "department", bloc: "party" }, "party_department", { style: "party", issuer }, "party");
  }
  add({ code: "MTTQ_TQ", name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang", parentCode: PROVINCE_CODE, level: "department", bloc: "front" }, "front", { style: "state", issuer: "MTTQ-BTT", drafting: [] }, "front");
  for (const [code, name, issuer, drafting, hasTthc] of DEPARTMENTS) {
    add({ code, name, parentCode: PROVINCE_CODE, level: "department", bloc: "state" }, "department", { style: "state", issuer, drafting }, code, hasTthc);
  }

  const communeNumbering = { style: "state", issuer: "UBND", drafting: COMMUNE_OFFICES.map(([suffix]) => suffix) } as const;
  const addCommune = (code: string, name: string, extra: Partial<DemoOrg> = {}) => {
    add({ code, name, parentCode: PROVINCE_CODE, level: "commune", bloc: "state", ...extra }, "commune", communeNumbering, "commune");
    if (!options.withOffices || extra.validTo) return;
    for (const [suffix, officeName] of COMMUNE_OFFICES) {
      add({ code: `${code}_${suffix}`, name: `${officeName} ${name.replace(/^Xã /, "xã ").replace(/^Phường /, "phường ")}`, parentCode: code, level: "office", bloc: "state", validFrom: extra.validFrom ?? null }, "office", communeNumbering, "commune", false);
    }
  };
  for (const name of COMMUNES) addCommune(communeCode(name), name);
  for (const [code, name] of MERGED_COMMUNE.from) addCommune(code, name, { validTo: LAST_DAY_BEFORE_MERGE });
  addCommune(MERGED_COMMUNE.code, MERGED_COMMUNE.name, { validFrom: MERGE_DAY, mergedFrom: MERGED_COMMUNE.from.map(([code]) => code) });
  mergedVolumes(units);

  const used = new Set(units.map((u) => u.org.code));
  for (let added = 0; added < options.extraCommunes; ) {
    const name = `${rng.chance(0.85) ? "Xã" : "Phường"} ${rng.pick(NAME_FIRST)} ${rng.pick(NAME_SECOND)}`;
    const code = communeCode(name);
    if (used.has(code)) continue;
    used.add(code);
    addCommune(code, name);
    added += 1;
  }
  return units;
}

/** Three small former communes issued more between them than the merged commune does: the
 * story the demo tells is a merger that cut paperwork. */
function mergedVolumes(units: UnitProfile[]): void {
  const merged = units.find((u) => u.org.code === MERGED_COMMUNE.code);
  if (!merged) return;
  merged.docsPerYear = 2600;
  merged.docRatio = 0.82;
  for (const u of units) {
    if (!u.org.validTo) continue;
    u.docsPerYear = Math.round(u.docsPerYear * 0.55 + 300);
    u.meetingsPerYear = Math.round(u.meetingsPerYear * 0.6);
  }
}
