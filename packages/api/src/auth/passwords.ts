import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's second recommended setting (19 MiB, 2 iterations, 1 lane):
// OWASP Password Storage Cheat Sheet, "Argon2id".
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not a real password, only for timing");
  return dummyHash;
}

/** Passwords: at least 12 characters (NCSC password guidance favours length over complexity rules). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "Use a password of at least 12 characters";
  if (password.length > 256) return "Use a password of 256 characters or fewer";
  return null;
}
