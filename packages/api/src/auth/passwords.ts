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

/** The shortest password accepted: NCSC password guidance favours length over complexity rules. */
export const minimumPasswordLength = 12;

/**
 * Passwords that pass the length rule but are among the most used in published breaches (the
 * NCSC's top 100,000 Pwned Passwords list and the SecLists common-credentials lists), and words
 * that make up most long ones once digits and symbols are taken off. A stand-in for a full
 * breached-password list: NCSC guidance asks services to refuse the most common passwords.
 */
const commonPasswords = new Set([
  "123456789012", "1234567890123", "12345678901234", "123123123123", "123412341234", "111111111111", "000000000000",
  "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "q1w2e3r4t5y6", "zaq12wsxcde3", "asdfghjkl123",
  "abcdefghijkl", "abcdefg12345", "abc123abc123", "passwordpassword", "password1234", "password12345", "password123456", "password123!",
  "iloveyou1234", "iloveyouiloveyou", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "administrator", "administrator1",
  "trustno1trustno1", "monkey123456", "dragon123456", "football1234", "baseball1234", "sunshine1234", "princess1234", "superman1234",
  "starwars1234", "whatever1234", "computer1234", "internet1234", "qwertyqwerty", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
  "correcthorsebatterystaple",
]);
const commonWords = ["password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "letmein", "welcome", "iloveyou", "changeme", "admin", "complaints", "default", "secret", "summer", "winter", "spring", "autumn"];

/** What a password becomes once case, spaces and trailing digits or symbols are set aside. */
function coreOf(password: string): string {
  return password.toLowerCase().replace(/\s+/g, "").replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
}

/** Whether the password is one character, or one short run, repeated ("aaaaaaaaaaaa", "abcabcabcabc"). */
function isRepetition(password: string): boolean {
  return /^(.{1,4})\1+$/.test(password.toLowerCase());
}

/**
 * Why a new password is not strong enough, in words to show beside the field, or null if it will do.
 * The one rule for every password a person chooses (adding an account, changing or resetting a
 * password): at least 12 characters, not one of the most common passwords or a common word with
 * digits added, not a repetition, and not the person's email address or its name part.
 */
export function checkNewPassword(password: string, person: { email?: string | undefined } = {}): string | null {
  if (password.length < minimumPasswordLength) return `Use a password of at least ${minimumPasswordLength} characters`;
  if (password.length > 256) return "Use a password of 256 characters or fewer";
  const lower = password.toLowerCase().replace(/\s+/g, "");
  const core = coreOf(password);
  if (commonPasswords.has(lower) || commonPasswords.has(core) || commonWords.includes(core) || isRepetition(password)) {
    return "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words";
  }
  const email = person.email?.trim().toLowerCase();
  if (email) {
    const name = email.split("@")[0] ?? "";
    if (lower.includes(email) || (name.length >= 4 && core.replace(/[^a-z]/g, "") === name.replace(/[^a-z]/g, ""))) {
      return "Use a password that is not your email address";
    }
  }
  return null;
}
