/**
 * A set of case references that keeps only a 64-bit fingerprint of each (two 32-bit FNV-1a hashes
 * with different offsets), 8 bytes a case instead of the string itself, so finding a duplicate in
 * three million cases needs tens of megabytes, not hundreds. Two different references share a
 * fingerprint with a chance of about n² / 2⁶⁵ (under one in a million for three million cases); such
 * a pair would be reported as a duplicate, and the message names the reference so a person can see it.
 */
export class RefSet {
  private high = new Int32Array(1 << 16);
  private low = new Int32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private size = 0;

  /** Adds a reference; false when it was there already. */
  add(ref: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < ref.length; i++) {
      const c = ref.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
    }
    return this.insert(h1 | 0, h2 | 0);
  }

  private insert(a: number, b: number): boolean {
    const mask = this.used.length - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.used[slot]) {
      if (this.high[slot] === a && this.low[slot] === b) return false;
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.high[slot] = a;
    this.low[slot] = b;
    this.size += 1;
    if (this.size * 2 > this.used.length) this.grow();
    return true;
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Int32Array(used.length * 2);
    this.low = new Int32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(high[i]!, low[i]!);
  }
}
