import { SlidingLogStorage } from './rate-limit-storage';

describe('SlidingLogStorage (the throttler counts)', () => {
  let now = 1_000_000;
  let storage: SlidingLogStorage;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    storage = new SlidingLogStorage();
  });
  afterEach(() => {
    storage.close();
    jest.restoreAllMocks();
  });
  const hit = (key = 'ip:1', limit = 3) => storage.increment(key, 60_000, limit, 60_000, 'ip');

  it('counts each hit for the ttl and blocks past the limit for the block duration, then starts afresh', async () => {
    for (let i = 1; i <= 3; i++) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now += 30_001;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('lets old hits expire one by one (a sliding window, not a fixed one)', async () => {
    await hit();
    now += 20_000;
    await hit();
    now += 20_000;
    await hit();
    now += 20_001; // the first hit has expired
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
  });

  it('keeps callers and throttlers apart', async () => {
    for (let i = 0; i < 3; i++) await hit('ip:1');
    expect(await hit('ip:2')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('ip:1', 60_000, 3, 60_000, 'user')).toMatchObject({ totalHits: 1 });
  });

  it('stays exact over many hits (expired ones are cut off in batches)', async () => {
    for (let i = 0; i < 5000; i++) {
      const record = await storage.increment('k', 1000, 1_000_000, 1000, 'ip');
      expect(record.totalHits).toBe(Math.min(i + 1, 100));
      now += 10; // 100 hits per second, each living one second
    }
  });

  it('forgets idle callers', async () => {
    await hit('ip:idle');
    now += 120_000;
    storage.sweep();
    expect(await hit('ip:idle')).toMatchObject({ totalHits: 1 });
  });
});
