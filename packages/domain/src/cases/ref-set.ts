/**
 * A set of case references that keeps only a 64-bit fingerprint of each (two 32-bit FNV-1a hashes
 * with different offsets), 8 bytes a slot in one array filled up to three quarters, instead of the
 * strings themselves: three million cases need 32 MB, not hundreds. It is the one part of reading a
 * case file that grows with the file, and it must, to find a reference given twice. Two different
 * references share a fingerprint with a chance of about n² / 2⁶⁵ (under one in a million for three
 * million cases); such a pair would be reported as a duplicate, naming the reference so a person can see it.
 */
export class RefSet {
  /** Pairs (high, low); (0, 0) marks an empty slot, so a fingerprint of (0, 0) is stored as (0, 1). */
  private slots = new Int32Array(2 << 16);
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
    if (h1 === 0 && h2 === 0) h2 = 1;
    const added = this.insert(this.slots, h1 | 0, h2 | 0);
    if (added) {
      this.size += 1;
      if (this.size * 4 > (this.slots.length / 2) * 3) this.grow();
    }
    return added;
  }

  private insert(slots: Int32Array, a: number, b: number): boolean {
    const mask = slots.length / 2 - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const high = slots[slot * 2]!;
      const low = slots[slot * 2 + 1]!;
      if (high === 0 && low === 0) break;
      if (high === a && low === b) return false;
      slot = (slot + 1) & mask;
    }
    slots[slot * 2] = a;
    slots[slot * 2 + 1] = b;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(slots, old[i]!, old[i + 1]!);
    this.slots = slots;
  }
}
