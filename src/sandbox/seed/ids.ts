// Fixed ids and the clock of the demo account. Metadata ids never depend on the seed, so tests and
// docs can name them; entity ids are dense ranges whose length the seed decides.

/** 2026-01-01T00:00:00Z: every seeded timestamp lies in the year before it. */
export const SEED_EPOCH = 1_767_225_600;
export const SEED_START = SEED_EPOCH - 365 * 86_400;

export const ACCOUNT_ID = 31_000_001;

export const USER_IDS = {
  admin: 900_001,
  salesHead: 900_002,
  manager1: 900_003,
  manager2: 900_004,
  manager3: 900_005,
  corporate1: 900_006,
  corporate2: 900_007,
  /** Deactivated: owns old entities only. */
  former: 900_008,
} as const;

export const GROUP_IDS = { main: 0, retail: 401_001, corporate: 401_002 } as const;
export const ROLE_IDS = { manager: 501_001, head: 501_002 } as const;

export const PIPELINE_IDS = { sales: 3_000_001, corporate: 3_000_002, partners: 3_000_003 } as const;

/** amoCRM's system statuses, shared by every pipeline. */
export const WON_STATUS_ID = 142;
export const LOST_STATUS_ID = 143;

export const FIRST_LEAD_ID = 20_000_001;
export const FIRST_CONTACT_ID = 30_000_001;
export const FIRST_COMPANY_ID = 40_000_001;

export const COUNTS = { leads: 340, contacts: 240, companies: 66 } as const;
