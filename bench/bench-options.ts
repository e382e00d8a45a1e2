import { Command, InvalidArgumentError } from "commander";

/** What one bench run does. */
export type BenchOptions = {
  docsPerYear: number;
  meetingsPerYear: number;
  units: number;
  engines: Array<"pglite" | "postgres">;
  pgUrl: string;
  runs: number;
  seed: number;
  outDir: string;
  quick: boolean;
  /** "import": only the floor and the imports (no sheet, freshness or size), to iterate on the import */
  only: "all" | "import";
};

const positiveInt = (raw: string): number => {
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("cần một số nguyên dương");
  return n;
};

/** Reads the command line (`npm run bench -- --quick --engine pglite`). */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const program = new Command()
    .name("bench")
    .description("Đo hiệu năng nhập dữ liệu và bảng chỉ tiêu ở quy mô một tỉnh")
    .option("--docs-per-year <n>", "văn bản mỗi năm (2025 và 2026)", positiveInt)
    .option("--meetings-per-year <n>", "hội nghị mỗi năm", positiveInt)
    .option("--units <n>", "số đơn vị có sổ sách (tỉnh, Đảng, MTTQ, sở, xã)", positiveInt, 100)
    .option("--engine <engine>", "pglite | postgres | both", "both")
    .option("--pg-url <url>", "máy chủ PostgreSQL (bench tự tạo và xóa CSDL leloi_bench_…)", "postgres://postgres@127.0.0.1:5432/test")
    .option("--runs <n>", "số lần tính bảng chỉ tiêu sau khi chạy nóng", positiveInt, 20)
    .option("--seed <n>", "hạt giống dữ liệu", positiveInt, 226)
    .option("--quick", "chạy nhanh: 100.000 văn bản/năm", false)
    .option("--out <dir>", "thư mục kết quả và tệp CSV", "bench/out")
    .option("--only <part>", "all | import (chỉ đo sàn COPY và nhập dữ liệu)", "all")
    .parse(argv as string[], { from: "node" });
  const o = program.opts<{ docsPerYear?: number; meetingsPerYear?: number; units: number; engine: string; pgUrl: string; runs: number; seed: number; quick: boolean; out: string; only: string }>();
  const engines: Array<"pglite" | "postgres"> | null = o.engine === "both" ? ["postgres", "pglite"] : o.engine === "pglite" || o.engine === "postgres" ? [o.engine] : null;
  if (engines === null) return program.error(`--engine phải là pglite, postgres hoặc both (đang là "${o.engine}")`);
  if (o.only !== "all" && o.only !== "import") return program.error(`--only phải là all hoặc import (đang là "${o.only}")`);
  return {
    docsPerYear: o.docsPerYear ?? (o.quick ? 100_000 : 1_000_000),
    meetingsPerYear: o.meetingsPerYear ?? (o.quick ? 2_000 : 18_000),
    units: o.units,
    engines,
    pgUrl: o.pgUrl,
    runs: o.runs,
    seed: o.seed,
    outDir: o.out,
    quick: o.quick,
    only: o.only,
  };
}
