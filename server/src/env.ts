import { z } from "zod";

/** Every environment variable leloi reads, validated once at boot. */
export const ZEnvSchema = z.object({
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  /** Folder of the embedded database (PGlite). */
  LELOI_DATA_DIR: z.string().min(1).default("./data"),
  /** HTTP port of the API and web app. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default("0.0.0.0"),
  /** Password of the first admin account; generated and printed once when absent. */
  LELOI_ADMIN_PASSWORD: z.string().min(8, "LELOI_ADMIN_PASSWORD: ít nhất 8 ký tự").optional(),
  /** Load the demo province into an empty database on start ("0" to start empty). */
  LELOI_DEMO: z.enum(["0", "1"]).default("1"),
  /** pino level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof ZEnvSchema>;

/** Parses the environment or stops the process with one line per bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  process.stderr.write(`Cấu hình môi trường không hợp lệ:\n${lines.join("\n")}\n`);
  process.exit(2);
}
