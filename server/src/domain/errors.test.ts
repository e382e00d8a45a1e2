import { describe, it, expect } from "vitest";
import { DomainError } from "./errors.js";

describe("DomainError", () => {
  it.each([
    ["INVALID_PERIOD", "Kỳ không hợp lệ", { id: "2026Q5" }],
    ["INVALID_RANGE", "Thời điểm kết thúc phải sau thời điểm bắt đầu", undefined],
  ])("carries code %s, message and details", (code, message, details) => {
    const e = new DomainError(code, message, details);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe("DomainError");
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
    expect(e.details).toEqual(details);
  });
});
