// Password hashing with scrypt (node:crypto, no native dependency). The stored string carries its own
// parameters — scrypt$N$r$p$salt$hash, salt and hash in base64 — so the cost can be raised later without
// invalidating existing hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// One of OWASP's equivalent minimums for scrypt (N=2^17,r=8,p=1 ≈ N=2^14,r=8,p=5): the cheaper memory
// (16 MiB) lets several logins run at once; about 0.2 s per hash on a small server.
const cost = { N: 2 ** 14, r: 8, p: 5 } as const;
const saltBytes = 16;
const keyBytes = 32;

// Bounds on parameters read back from storage, so a damaged or hostile row cannot make us allocate gigabytes.
const maxN = 2 ** 20;
const maxR = 32;
const maxP = 16;

function derive(plain: string, salt: Buffer, keyLength: number, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...o, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(plain.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(plain, salt, keyBytes, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `plain` matches; false for a wrong password and for a stored value that is not a valid hash. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || typeof plain !== 'string') return false;
  try {
    const key = await derive(plain, parsed.salt, parsed.key.length, parsed);
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(stored: unknown): ParsedHash | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[1-9]\d{0,7}$/.test(s) ? Number(s) : NaN)) as [number, number, number];
  const [salt, key] = parts.slice(4).map((s) => (base64.test(s) ? Buffer.from(s, 'base64') : Buffer.alloc(0))) as [Buffer, Buffer];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > maxN || !(r >= 1 && r <= maxR) || !(p >= 1 && p <= maxP)) return undefined;
  if (salt.length < 8 || key.length < 16 || key.length > 128) return undefined;
  return { N, r, p, salt, key };
}
