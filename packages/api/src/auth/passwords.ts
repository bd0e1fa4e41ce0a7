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

// Long passwords that are still among the most used (NCSC guidance: block the commonest passwords).
const commonPasswords = new Set([
  "password1234", "password12345", "password123456", "passwordpassword", "123456789012", "1234567890123", "12345678901234",
  "qwertyuiopas", "qwerty123456", "qwertyuiop123", "iloveyou1234", "welcome12345", "letmein12345", "changeme1234",
  "administrator", "abcdefghijkl", "abc123456789", "football1234", "monkey123456", "sunshine1234",
]);

/** Passwords: at least 12 characters and not a common one (NCSC password guidance favours length over complexity rules). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "Use a password of at least 12 characters";
  if (password.length > 256) return "Use a password of 256 characters or fewer";
  if (commonPasswords.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return "Choose a password that is harder to guess: this one is too common";
  return null;
}
